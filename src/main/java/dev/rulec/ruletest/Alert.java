package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.OptionalInt;

/**
 * One alert a rule produced: for a query rule the event it fired on; for aggregating rules the fields of the group
 * and the values (new terms: the new value tuple; threshold: the group, {@code _count} and {@code cardinality.<field>};
 * ES|QL: the row).
 */
public record Alert(OptionalInt event, Map<String, JsonNode> fields) {
    public Alert {
        fields = Map.copyOf(fields);
    }

    public static Alert ofEvent(int index) {
        return new Alert(OptionalInt.of(index), Map.of());
    }
}
