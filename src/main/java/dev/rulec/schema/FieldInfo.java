package dev.rulec.schema;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One mapped field: its Elasticsearch mapping type and its multi-fields ({@code caseless → keyword},
 * {@code text → match_only_text}), keyed by sub-field name.
 */
public record FieldInfo(String name, String type, Map<String, String> multiFields) {

    public FieldInfo {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        multiFields = Map.copyOf(multiFields);
    }

    public static FieldInfo of(String name, String type) {
        return new FieldInfo(name, type, Map.of());
    }

    /** The type of a multi-field ({@code process.name} + {@code caseless}), when declared. */
    public Optional<String> multiField(String sub) {
        return Optional.ofNullable(multiFields.get(sub));
    }

    /** Multi-fields in name order, for printing. */
    public Map<String, String> sortedMultiFields() {
        return new TreeMap<>(multiFields);
    }

    /** {@code object}, {@code nested} and {@code flattened} hold other fields rather than a value. */
    public boolean isContainer() {
        return type.equals("object") || type.equals("nested") || type.equals("group");
    }
}
