package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SigmaCheck;
import dev.rulec.lint.SigmaDocument;
import dev.rulec.source.sigma.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Values wrapped in wildcards on a field without modifiers ({@code Image: '*\cmd.exe'}) are written with the modifier
 * that says so ({@code Image|endswith: '\cmd.exe'}).
 */
public final class SigmaWildcardModifier implements SigmaCheck {

    public String id() {
        return "sigma-wildcard-modifier";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Modifiers state intent and are escaped by every backend; hand-placed wildcards are easy to get wrong.";
    }

    @Override
    public void check(SigmaDocument doc, Findings out) {
        if (!(doc.get("detection").orElse(null) instanceof YNode.YMap detection)) {
            return;
        }
        for (YNode.Entry e : detection.list()) {
            if (e.value() instanceof YNode.YMap sel) {
                selection(sel, out);
            } else if (e.value() instanceof YNode.YSeq seq) {
                seq.items().stream().filter(i -> i instanceof YNode.YMap).forEach(i -> selection((YNode.YMap) i, out));
            }
        }
    }

    private static void selection(YNode.YMap sel, Findings out) {
        for (YNode.Entry e : sel.list()) {
            if (e.key().contains("|")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            if (e.value() instanceof YNode.YSeq seq) {
                for (YNode i : seq.items()) {
                    SigmaDocument.text(i).ifPresent(values::add);
                }
            } else {
                SigmaDocument.text(e.value()).ifPresent(values::add);
            }
            Optional<String> modifier = modifier(values);
            modifier.ifPresent(m -> out.report(e.keyPos(), "[" + e.key() + "] values are wrapped in wildcards",
                    "write " + e.key() + "|" + m + ": without the " + (m.equals("contains") ? "leading and trailing"
                            : m.equals("endswith") ? "leading" : "trailing") + " *"));
        }
    }

    /** The modifier every value's wildcards amount to, when they all agree. */
    static Optional<String> modifier(List<String> values) {
        String common = null;
        for (String v : values) {
            String m = shape(v);
            if (m == null || (common != null && !common.equals(m))) {
                return Optional.empty();
            }
            common = m;
        }
        return Optional.ofNullable(common);
    }

    private static String shape(String v) {
        if (v.length() < 2) {
            return null;
        }
        boolean lead = v.startsWith("*");
        boolean trail = v.endsWith("*") && !v.endsWith("\\*");
        String inner = v.substring(lead ? 1 : 0, v.length() - (trail ? 1 : 0));
        if (inner.isEmpty() || inner.contains("*") || inner.contains("?")) {
            return null;
        }
        return lead && trail ? "contains" : lead ? "endswith" : trail ? "startswith" : null;
    }
}
