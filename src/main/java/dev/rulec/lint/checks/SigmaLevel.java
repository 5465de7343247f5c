package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SigmaCheck;
import dev.rulec.lint.SigmaDocument;

import java.util.List;
import java.util.Optional;

/** A Sigma rule has a level: informational, low, medium, high or critical. */
public final class SigmaLevel implements SigmaCheck {

    static final List<String> LEVELS = List.of("informational", "low", "medium", "high", "critical");

    public String id() {
        return "sigma-level";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "The level becomes the alert's severity and risk score; without it every alert looks alike.";
    }

    @Override
    public void check(SigmaDocument doc, Findings out) {
        if (!doc.isDetectionRule()) {
            return;
        }
        Optional<String> level = doc.get("level").flatMap(SigmaDocument::text);
        if (level.isEmpty()) {
            out.report(doc.posOf("level"), "the rule has no level", "add level: medium (or low, high, critical)");
        } else if (!LEVELS.contains(level.get())) {
            out.report(doc.get("level").get().pos(), "unknown level [" + level.get() + "]",
                    "use one of " + String.join(", ", LEVELS));
        }
    }
}
