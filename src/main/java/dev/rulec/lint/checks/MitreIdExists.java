package dev.rulec.lint.checks;

import dev.rulec.attack.Attack;
import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

import java.util.Optional;

/** Every MITRE ATT&CK tactic, technique and sub-technique id exists in the bundled ATT&CK release and is current. */
public final class MitreIdExists implements RuleCheck {

    public String id() {
        return "mitre-id-exists";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "An unknown or deprecated ATT&CK id breaks coverage reports and the links analysts follow.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Attack attack = Attack.bundled();
        for (MitreRefs.Ref r : MitreRefs.of(lr)) {
            String id = r.ref().id();
            if (r.kind() == MitreRefs.Kind.TACTIC) {
                if (attack.tactic(id).isEmpty()) {
                    out.report(lr.posOf(r.path() + ".id"), "unknown ATT&CK tactic [" + id + "]",
                            "use a tactic id TA00nn from https://attack.mitre.org/tactics/enterprise/");
                }
                continue;
            }
            Optional<Attack.Technique> t = attack.technique(id);
            boolean wantSub = r.kind() == MitreRefs.Kind.SUBTECHNIQUE;
            if (t.isEmpty() || t.get().isSubtechnique() != wantSub) {
                out.report(lr.posOf(r.path() + ".id"), "unknown ATT&CK " + (wantSub ? "sub-technique" : "technique")
                        + " [" + id + "]" + (t.isPresent() ? (wantSub ? " (a technique)" : " (a sub-technique)") : ""),
                        wantSub ? "write sub-techniques as Tnnnn.nnn under their technique"
                                : "write techniques as Tnnnn; sub-techniques go in [[...subtechnique]] tables");
            } else if (t.get().deprecated()) {
                out.report(lr.posOf(r.path() + ".id"), "ATT&CK technique [" + id + "] " + t.get().name()
                        + " is deprecated", "map the rule to the technique that replaced it");
            }
        }
    }
}
