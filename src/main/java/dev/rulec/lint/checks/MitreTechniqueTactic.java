package dev.rulec.lint.checks;

import dev.rulec.attack.Attack;
import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

import java.util.Optional;

/** Each technique sits under a tactic it belongs to, and each sub-technique under its own technique. */
public final class MitreTechniqueTactic implements RuleCheck {

    public String id() {
        return "mitre-technique-tactic";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "ATT&CK places each technique under given tactics; another pairing misreports what the rule covers.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Attack attack = Attack.bundled();
        for (MitreRefs.Ref r : MitreRefs.of(lr)) {
            if (r.kind() == MitreRefs.Kind.TACTIC) {
                continue;
            }
            String id = r.ref().id();
            if (r.parent().isPresent() && !id.toUpperCase(java.util.Locale.ROOT)
                    .startsWith(r.parent().get().id().toUpperCase(java.util.Locale.ROOT) + ".")) {
                out.report(lr.posOf(r.path() + ".id"), "sub-technique [" + id + "] is not part of technique ["
                        + r.parent().get().id() + "]", "move it under its own technique " + id.split("\\.")[0]);
                continue;
            }
            Optional<Attack.Technique> t = attack.technique(id);
            Optional<Attack.Tactic> tactic = attack.tactic(r.tactic().id());
            if (t.isEmpty() || tactic.isEmpty()) {
                continue;
            }
            if (!t.get().tactics().contains(tactic.get().shortName())) {
                String belongs = String.join(", ", t.get().tactics().stream()
                        .map(s -> attack.tacticByShortName(s).map(x -> x.name() + " (" + x.id() + ")").orElse(s))
                        .toList());
                out.report(lr.posOf(r.path() + ".id"), "ATT&CK " + id + " " + t.get().name()
                        + " does not belong to tactic " + tactic.get().name() + " (" + tactic.get().id() + ")",
                        "put it under " + belongs);
            }
        }
    }
}
