package dev.rulec.check;

import dev.rulec.schema.Schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code _field_caps} says about some index patterns.
 *
 * @param indices          the indices the patterns resolve to (empty: the rule can match no data)
 * @param schema           every field they map, with its type
 * @param nonAggregatable  fields some index cannot aggregate on (text fields): useless for new terms and threshold
 * @param conflicts        fields mapped with different types in different indices, with a description of which
 */
record IndexFields(List<String> patterns, List<String> indices, Schema schema, Set<String> nonAggregatable,
                   Map<String, String> conflicts) {
    IndexFields {
        patterns = List.copyOf(patterns);
        indices = List.copyOf(indices);
        nonAggregatable = Set.copyOf(nonAggregatable);
        conflicts = Map.copyOf(conflicts);
    }
}
