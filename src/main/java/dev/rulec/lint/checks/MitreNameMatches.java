package dev.rulec.lint.checks;

import dev.rulec.attack.Attack;
import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

import java.util.Optional;

/** The name written beside each ATT&CK id is that id's name. */
public final class MitreNameMatches implements RuleCheck {

    public String id() {
        return "mitre-name-matches";
    }

    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    public String rationale() {
        return "A name that does not match its id shows a wrong id or a stale name; Kibana displays both.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        Attack attack = Attack.bundled();
        for (MitreRefs.Ref r : MitreRefs.of(lr)) {
            Optional<String> expected = r.kind() == MitreRefs.Kind.TACTIC
                    ? attack.tactic(r.ref().id()).map(Attack.Tactic::name)
                    : attack.technique(r.ref().id()).map(Attack.Technique::name);
            if (expected.isPresent() && !expected.get().equals(r.ref().name())) {
                out.report(lr.posOf(r.path() + ".name"), "ATT&CK " + r.ref().id() + " is named [" + expected.get()
                        + "], not [" + r.ref().name() + "]", "write name = \"" + expected.get() + "\"");
            }
        }
    }
}
