package dev.rulec.deploy;

import dev.rulec.diag.SourcePos;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one rule_id when a plan was applied.
 *
 * @param ok      the planned action took effect (or none was needed)
 * @param message Kibana's error, or why it was not attempted; empty when ok
 */
public record RuleOutcome(String ruleId, Action action, Optional<SourcePos> source, boolean ok, String message) {
    public RuleOutcome {
        Objects.requireNonNull(ruleId, "ruleId is null");
        Objects.requireNonNull(action, "action is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(message, "message is null");
    }

    /** {@code file:line:col: error: rule [id]: message}, or the rule_id alone when it has no source (a delete). */
    public String format() {
        String where = source.map(s -> s + ": ").orElse("");
        return where + "error: " + action.label() + " of rule [" + ruleId + "] failed: " + message;
    }
}
