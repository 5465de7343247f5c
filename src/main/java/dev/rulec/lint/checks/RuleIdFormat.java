package dev.rulec.lint.checks;

import dev.rulec.diag.Severity;
import dev.rulec.lint.Findings;
import dev.rulec.lint.RuleCheck;
import dev.rulec.model.LoadedRule;

import java.util.regex.Pattern;

/** The rule id is a UUID, and nothing else. */
public final class RuleIdFormat implements RuleCheck {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public String id() {
        return "rule-id-format";
    }

    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    public String rationale() {
        return "Kibana and rule repositories identify rules by a UUID rule_id; other shapes collide or break tooling.";
    }

    @Override
    public void check(LoadedRule lr, Findings out) {
        String id = lr.rule().ruleId();
        if (!UUID.matcher(id).matches()) {
            out.report(lr.posOf("rule.rule_id"), "rule_id [" + id + "] is not a UUID (8-4-4-4-12 hex digits)",
                    "use a random UUID such as one printed by `uuidgen`");
        }
    }
}
