package dev.rulec.kibana;

import java.util.Objects;
import java.util.Optional;

/** Kibana's complaint about one rule: its rule_id (when Kibana names it), the status it gave and its message. */
public record RuleError(Optional<String> ruleId, int status, String message) {
    public RuleError {
        Objects.requireNonNull(ruleId, "ruleId is null");
        Objects.requireNonNull(message, "message is null");
    }
}
