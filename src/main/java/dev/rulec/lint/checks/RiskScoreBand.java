package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;

import java.util.Locale;

/** The risk score lies in its severity's band: low 0–21, medium 22–47, high 48–73, critical 74–100. */
public final class RiskScoreBand implements RuleCheck {

    public String id() {
        return "risk-score-band";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Risk score and severity must tell the same story: each severity has its band of scores.";
    }

    static long[] band(dev.rulec.model.Severity s) {
        return switch (s) {
            case LOW -> new long[] {0, 21};
            case MEDIUM -> new long[] {22, 47};
            case HIGH -> new long[] {48, 73};
            case CRITICAL -> new long[] {74, 100};
        };
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Rule r = lr.rule();
        long[] band = band(r.severity());
        if (r.riskScore() < band[0] || r.riskScore() > band[1]) {
            out.report(lr.posOf("rule.risk_score"), String.format(Locale.ROOT,
                    "risk_score %d is outside the %s band %d–%d", r.riskScore(), r.severity().wireName(), band[0],
                    band[1]), String.format(Locale.ROOT, "use a score from %d to %d, or change the severity",
                    band[0], band[1]));
        }
    }
}
