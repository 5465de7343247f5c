package dev.rulec.lint.checks;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.ir.Expr;
import dev.rulec.ir.simplify.Simplifier;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.target.RenderContext;
import dev.rulec.target.kql.KqlRenderer;

import java.util.Optional;

/**
 * A KQL query is written in its simplest form: no duplicate terms in one {@code and}/{@code or}, no double negation,
 * no needless nesting of one operator in itself (what the IR simplifier removes).
 */
public final class KqlOptimized implements RuleCheck {

    private static final int MAX_SHOWN = 240;

    public String id() {
        return "kql-optimized";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Redundant terms and double negations hide what a query really matches and slow every review.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Optional<KqlQueries.Parsed> parsed = KqlQueries.of(lr);
        if (parsed.isEmpty()) {
            return;
        }
        Expr e = parsed.get().expr();
        Expr simple = Simplifier.simplify(e);
        if (!simple.equals(e)) {
            Optional<String> text = new KqlRenderer().render(simple, new RenderContext(lr.origin(), lr.rule().name(),
                    Queries.indices(lr.rule().detection()), parsed.get().schema().asFieldTypes()), new Diagnostics());
            out.report(lr.posOf("rule.query"), "the query has redundant parts (duplicate terms, double negation or "
                    + "nested operators)", text.map(t -> "it is equivalent to: " + (t.length() > MAX_SHOWN
                    ? t.substring(0, MAX_SHOWN) + "…" : t))
                    .orElse("remove the duplicate terms and double negations"));
        }
    }
}
