package dev.rulec.lint.checks;

import dev.rulec.model.AttackRef;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Technique;
import dev.rulec.model.Threat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every MITRE ATT&CK reference of a rule with its key path, tactic and parent technique. */
final class MitreRefs {

    enum Kind { TACTIC, TECHNIQUE, SUBTECHNIQUE }

    /**
     * @param path key path of the reference's table, e.g. {@code rule.threat[0].technique[1]}
     * @param parent the technique a sub-technique sits under
     */
    record Ref(Kind kind, AttackRef ref, String path, AttackRef tactic, Optional<AttackRef> parent) {
    }

    private MitreRefs() {
    }

    /** References of the MITRE ATT&CK framework only (other frameworks are not checked). */
    static List<Ref> of(LoadedRule lr) {
        List<Ref> out = new ArrayList<>();
        List<Threat> threats = lr.rule().about().threat();
        for (int i = 0; i < threats.size(); i++) {
            Threat t = threats.get(i);
            if (!t.framework().equals(Threat.MITRE)) {
                continue;
            }
            String tp = "rule.threat[" + i + "]";
            out.add(new Ref(Kind.TACTIC, t.tactic(), tp + ".tactic", t.tactic(), Optional.empty()));
            for (int j = 0; j < t.techniques().size(); j++) {
                Technique tech = t.techniques().get(j);
                String p = tp + ".technique[" + j + "]";
                out.add(new Ref(Kind.TECHNIQUE, tech.ref(), p, t.tactic(), Optional.empty()));
                for (int k = 0; k < tech.subtechniques().size(); k++) {
                    out.add(new Ref(Kind.SUBTECHNIQUE, tech.subtechniques().get(k), p + ".subtechnique[" + k + "]",
                            t.tactic(), Optional.of(tech.ref())));
                }
            }
        }
        return out;
    }
}
