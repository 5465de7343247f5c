package dev.rulec.lint;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.model.LoadedRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the enabled checks over a rule set with the config's severities and exclusions. A check that throws is a bug in
 * rulec: it is reported as a {@code lint.internal-error} diagnostic on that rule and the other checks go on.
 */
public final class Linter {

    private record Active(Check check, Findings findings) {
    }

    private final List<Check> checks;
    private final LintConfig config;

    public Linter(List<Check> checks, LintConfig config) {
        this.checks = List.copyOf(checks);
        this.config = config;
    }

    /** The checks that run under this config, in table order. */
    public List<Check> enabled() {
        return checks.stream().filter(c -> config.settings(c.id()).enabled().orElse(true)).toList();
    }

    /** The severity a check's findings get under this config. */
    public Severity severityOf(Check c) {
        return config.settings(c.id()).severity().orElse(c.defaultSeverity());
    }

    /** Findings sorted by file, line, column and check id. */
    public List<Diagnostic> run(List<LoadedRule> rules) {
        return run(rules, List.of());
    }

    /** Findings over compiled rules and Sigma documents as written, sorted by file, line, column and check id. */
    public List<Diagnostic> run(List<LoadedRule> rules, List<SigmaDocument> sigma) {
        Diagnostics sink = new Diagnostics();
        List<Active> active = new ArrayList<>();
        for (Check c : enabled()) {
            LintConfig.CheckSettings s = config.settings(c.id());
            active.add(new Active(c, new Findings(c.id(), severityOf(c), new PathGlobs(s.exclude()), sink)));
        }
        for (LoadedRule r : rules) {
            for (Active a : active) {
                if (a.check() instanceof RuleCheck rc && !a.findings().isExcluded(r.origin().file())) {
                    guarded(a.check(), r, sink, () -> rc.check(r, a.findings()));
                }
            }
        }
        for (SigmaDocument doc : sigma) {
            for (Active a : active) {
                if (a.check() instanceof SigmaCheck sc && !a.findings().isExcluded(doc.file())) {
                    guarded(a.check(), null, sink, () -> sc.check(doc, a.findings()));
                }
            }
        }
        for (Active a : active) {
            if (a.check() instanceof SetCheck sc) {
                guarded(a.check(), null, sink, () -> sc.check(rules, a.findings()));
            }
        }
        List<Diagnostic> out = new ArrayList<>(sink.all());
        out.sort(ORDER);
        return out;
    }

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.pos().file())
            .thenComparingInt(d -> d.pos().line())
            .thenComparingInt(d -> d.pos().column())
            .thenComparing(Diagnostic::code);

    private static void guarded(Check c, LoadedRule rule, Diagnostics sink, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | StackOverflowError e) {
            sink.error("lint.internal-error",
                    rule == null ? dev.rulec.diag.SourcePos.startOf("<rule set>") : rule.origin(),
                    "check [" + c.id() + "] failed: " + e, "this is a bug in rulec; please report it with the rule file");
        }
    }
}
