package dev.rulec.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable JSON-like value, for the few rule parts whose shape Kibana leaves open
 * (filters, meta, transforms, actions). Everything with a known shape has its own record.
 */
public sealed interface Value {

    record Str(String value) implements Value {
        public Str {
            Objects.requireNonNull(value, "value is null");
        }
    }

    /** A number kept exactly as written; equality is numeric ({@code 1.0} equals {@code 1}). */
    record Num(BigDecimal value) implements Value {
        public Num {
            value = value.stripTrailingZeros();
        }

        public static Num of(long v) {
            return new Num(BigDecimal.valueOf(v));
        }
    }

    record Bool(boolean value) implements Value {
    }

    record Arr(List<Value> items) implements Value {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** Keys keep their insertion order, so output is deterministic. */
    record Obj(Map<String, Value> fields) implements Value {
        public Obj {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public static Obj empty() {
            return new Obj(Map.of());
        }

        public boolean isEmpty() {
            return fields.isEmpty();
        }
    }
}
