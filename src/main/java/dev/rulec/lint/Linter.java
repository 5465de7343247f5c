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

    private final List<Check> checks;
    private final LintConfig config;
    private final java.util.Map<String, PathGlobs> globs = new java.util.concurrent.ConcurrentHashMap<>();

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
        List<Check> enabled = enabled();
        // Rules are independent for rule checks: run them on all cores, each into its own sink, merged in order.
        List<List<Diagnostic>> perRule = rules.parallelStream().map(r -> {
            Diagnostics local = new Diagnostics();
            for (Check c : enabled) {
                Findings f = findings(c, local);
                if (c instanceof RuleCheck rc && !f.isExcluded(r.origin().file())) {
                    guarded(c, r, local, () -> rc.check(r, f));
                }
            }
            return local.all();
        }).toList();
        Diagnostics sink = new Diagnostics();
        perRule.forEach(sink::addAll);
        for (SigmaDocument doc : sigma) {
            for (Check c : enabled) {
                Findings f = findings(c, sink);
                if (c instanceof SigmaCheck sc && !f.isExcluded(doc.file())) {
                    guarded(c, null, sink, () -> sc.check(doc, f));
                }
            }
        }
        for (Check c : enabled) {
            if (c instanceof SetCheck sc) {
                Findings f = findings(c, sink);
                guarded(c, null, sink, () -> sc.check(rules, f));
            }
        }
        List<Diagnostic> out = new ArrayList<>(sink.all());
        out.sort(ORDER);
        return out;
    }

    private Findings findings(Check c, Diagnostics sink) {
        return new Findings(c.id(), severityOf(c), globs.computeIfAbsent(c.id(),
                id -> new PathGlobs(config.settings(id).exclude())), sink);
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
