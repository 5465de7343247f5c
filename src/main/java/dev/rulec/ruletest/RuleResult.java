package dev.rulec.ruletest;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one rule.
 *
 * @param fixture the fixture file, when the rule has one
 * @param outcome what the engine produced, when it ran
 */
public record RuleResult(String ruleId, String name, String ruleFile, Optional<String> fixture, Status status,
                         List<String> messages, Optional<Outcome> outcome, long millis, int events) {
    public RuleResult {
        messages = List.copyOf(messages);
    }

    public enum Status {
        PASS, FAIL, SKIP, ERROR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
