package dev.rulec.target;

import java.util.Optional;

/** The mapping type of a field ({@code keyword}, {@code text}, {@code ip}, {@code long}…), when known. */
@FunctionalInterface
public interface FieldTypes {
    Optional<String> typeOf(String field);

    static FieldTypes unknown() {
        return f -> Optional.empty();
    }
}
