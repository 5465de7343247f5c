package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

import java.util.OptionalLong;

/** {@code max_signals} above Kibana's default of 100 is worth a second look. */
public final class MaxSignalsDefault implements RuleCheck {

    static final long DEFAULT = 100;

    public String id() {
        return "max-signals-default";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "More than Kibana's default of 100 alerts per run usually means a noisy rule or a missing threshold.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        OptionalLong m = lr.rule().schedule().maxSignals();
        if (m.isPresent() && m.getAsLong() > DEFAULT && m.getAsLong() <= MaxSignalsRange.MAX) {
            out.report(lr.posOf("rule.max_signals"), "max_signals " + m.getAsLong()
                    + " is above Kibana's default of " + DEFAULT, "keep it only if the rule is meant to raise many "
                    + "alerts per run (e.g. promoting external alerts)");
        }
    }
}
