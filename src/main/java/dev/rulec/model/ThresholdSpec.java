package dev.rulec.model;

import java.util.List;

/**
 * Alert when a group (by {@code fields}, possibly none) has at least {@code value} events,
 * optionally with at least {@code cardinality} distinct values of a field.
 */
public record ThresholdSpec(List<String> fields, long value, List<Cardinality> cardinality) {
    public ThresholdSpec {
        fields = List.copyOf(fields);
        cardinality = List.copyOf(cardinality);
    }

    public record Cardinality(String field, long value) {
    }
}
