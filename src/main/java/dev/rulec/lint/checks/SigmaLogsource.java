package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SigmaCheck;
import dev.rulec.lint.SigmaDocument;
import dev.rulec.source.sigma.yaml.YNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Sigma rule's logsource names a category, product or service, in lower case. */
public final class SigmaLogsource implements SigmaCheck {

    static final List<String> KEYS = List.of("category", "product", "service");

    public String id() {
        return "sigma-logsource";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Field-mapping pipelines pick the index and field names by logsource; an empty one matches nothing.";
    }

    @Override
    public void check(SigmaDocument doc, Findings out) {
        if (!doc.isDetectionRule()) {
            return;
        }
        Optional<YNode> ls = doc.get("logsource");
        if (ls.isEmpty() || !(ls.get() instanceof YNode.YMap m)) {
            out.report(doc.posOf("logsource"), "the rule has no logsource mapping",
                    "add logsource: with category, product or service");
            return;
        }
        boolean any = false;
        for (String k : KEYS) {
            Optional<String> v = m.get(k).flatMap(SigmaDocument::text);
            if (v.isPresent() && !v.get().isBlank()) {
                any = true;
                if (!v.get().equals(v.get().toLowerCase(Locale.ROOT))) {
                    out.report(m.get(k).get().pos(), "logsource " + k + " [" + v.get() + "] is not lower case",
                            "write " + k + ": " + v.get().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!any) {
            out.report(m.pos(), "the logsource names no category, product or service", "add at least one of them");
        }
    }
}
