package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SigmaCheck;
import dev.rulec.lint.SigmaDocument;

import java.util.List;
import java.util.Optional;

/** A Sigma rule has a status from the specification: stable, test, experimental, deprecated or unsupported. */
public final class SigmaStatus implements SigmaCheck {

    static final List<String> STATUSES = List.of("stable", "test", "experimental", "deprecated", "unsupported");

    public String id() {
        return "sigma-status";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "The status tells users how far a rule was tested; tools filter rule sets by it.";
    }

    @Override
    public void check(SigmaDocument doc, Findings out) {
        if (!doc.isDetectionRule()) {
            return;
        }
        Optional<String> status = doc.get("status").flatMap(SigmaDocument::text);
        if (status.isEmpty()) {
            out.report(doc.posOf("status"), "the rule has no status", "add status: experimental (or test, stable)");
        } else if (!STATUSES.contains(status.get())) {
            out.report(doc.get("status").get().pos(), "unknown status [" + status.get() + "]",
                    "use one of " + String.join(", ", STATUSES));
        }
    }
}
