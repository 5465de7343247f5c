package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

import java.util.OptionalLong;

/** {@code max_signals} is within 1..1000, Kibana's per-run cap on alerts. */
public final class MaxSignalsRange implements RuleCheck {

    static final long MAX = 1000;

    public String id() {
        return "max-signals-range";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "Kibana creates at most 1000 alerts per rule run; a value outside 1..1000 is rejected or has no effect.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        OptionalLong m = lr.rule().schedule().maxSignals();
        if (m.isPresent() && (m.getAsLong() < 1 || m.getAsLong() > MAX)) {
            out.report(lr.posOf("rule.max_signals"), "max_signals " + m.getAsLong() + " is outside 1–" + MAX,
                    "use a value from 1 to " + MAX + ", or remove it for Kibana's default of 100");
        }
    }
}
