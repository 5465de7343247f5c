package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.SetCheck;
import dev.rulec.model.LoadedRule;

import java.util.List;
import java.util.Locale;

/** No two rules share a rule_id. */
public final class UniqueRuleId implements SetCheck {

    public String id() {
        return "unique-rule-id";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "Kibana keys rules by rule_id: a second rule with the same id silently overwrites the first.";
    }

    @Override
    public void check(List<LoadedRule> rules, Findings out) {
        for (List<LoadedRule> group : Duplicates.groups(rules, r -> r.rule().ruleId().toLowerCase(Locale.ROOT))) {
            for (LoadedRule r : group) {
                out.report(r.posOf("rule.rule_id"), "rule_id [" + r.rule().ruleId() + "] is also used by "
                        + Duplicates.others(group, r), "give each rule its own UUID");
            }
        }
    }
}
