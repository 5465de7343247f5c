package dev.rulec.ruletest.esql;

import dev.rulec.target.FieldTypes;

import java.util.Map;
import java.util.Optional;

/** A test index's mapping as field types, a key inside a {@code flattened} field typed {@code flattened} (as rulec's pipelines type them). */
public final class MappingTypes {
    private MappingTypes() {
    }

    public static FieldTypes of(Map<String, String> mapping) {
        return f -> Optional.ofNullable(underFlattened(f, mapping) ? "flattened" : mapping.get(f));
    }

    /** Whether the field is a key inside a field the mapping types {@code flattened}. */
    static boolean underFlattened(String field, Map<String, String> mapping) {
        for (int i = field.indexOf('.'); i > 0; i = field.indexOf('.', i + 1)) {
            if ("flattened".equals(mapping.get(field.substring(0, i)))) {
                return true;
            }
        }
        return false;
    }
}
