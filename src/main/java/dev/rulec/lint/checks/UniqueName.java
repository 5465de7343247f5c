package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SetCheck;
import dev.rulec.model.LoadedRule;

import java.util.List;
import java.util.Locale;

/** No two rules share a name (ignoring case and surrounding space). */
public final class UniqueName implements SetCheck {

    public String id() {
        return "unique-name";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "Alerts carry the rule's name; two rules with one name cannot be told apart in triage.";
    }

    @Override
    public void check(List<LoadedRule> rules, Findings out) {
        for (List<LoadedRule> group : Duplicates.groups(rules,
                r -> r.rule().name().strip().toLowerCase(Locale.ROOT))) {
            for (LoadedRule r : group) {
                out.report(r.posOf("rule.name"), "name [" + r.rule().name() + "] is also used by "
                        + Duplicates.others(group, r), "give each rule a distinct name");
            }
        }
    }
}
