package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.SourcePos;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The events and expected alerts of one rule, as read from a fixture file (see the README, "Rule tests").
 *
 * @param rule the rule's {@code rule_id} (Sigma: {@code id}) or the path of its file
 * @param now the instant relative times are resolved against, when the fixture pins it
 * @param ruleFrom the start of the rule window (date math), when the fixture overrides the rule's {@code from}
 * @param ruleTo the end of the rule window, when the fixture overrides the rule's {@code to}
 * @param historyWindowStart the new-terms history start, when the fixture overrides the rule's
 * @param alerts the complete list of alerts expected from an aggregating rule, when given
 */
public record Fixture(SourcePos pos, String rule, Optional<String> now, Optional<String> ruleFrom,
                      Optional<String> ruleTo, Optional<String> historyWindowStart, List<Event> events,
                      Optional<List<ExpectedAlert>> alerts) {
    public Fixture {
        Objects.requireNonNull(pos, "pos is null");
        Objects.requireNonNull(rule, "rule is null");
        events = List.copyOf(events);
        alerts = alerts.map(List::copyOf);
    }

    /**
     * One event (times not yet resolved).
     *
     * @param alert whether a query rule must alert on it (absent: not checked)
     */
    public record Event(SourcePos pos, ObjectNode doc, Optional<Boolean> alert) {
    }

    /** An expected alert: the fields that identify its group, and the values it must carry. */
    public record ExpectedAlert(SourcePos pos, Map<String, JsonNode> group, Map<String, JsonNode> values) {
        public ExpectedAlert {
            group = Map.copyOf(group);
            values = Map.copyOf(values);
        }
    }
}
