package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

/** Each ATT&CK reference URL is the page of the id beside it. */
public final class MitreReferenceUrl implements RuleCheck {

    public String id() {
        return "mitre-reference-url";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "Analysts follow the reference link; it must lead to the tactic or technique the id names.";
    }

    static String expected(MitreRefs.Ref r) {
        String id = r.ref().id().toUpperCase(java.util.Locale.ROOT);
        return r.kind() == MitreRefs.Kind.TACTIC ? "https://attack.mitre.org/tactics/" + id + "/"
                : "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        for (MitreRefs.Ref r : MitreRefs.of(lr)) {
            String want = expected(r);
            String got = r.ref().reference();
            if (!got.equals(want) && !got.equals(want.substring(0, want.length() - 1))) {
                out.report(lr.posOf(r.path() + ".reference"), "reference [" + got + "] does not lead to "
                        + r.ref().id(), "write reference = \"" + want + "\"");
            }
        }
    }
}
