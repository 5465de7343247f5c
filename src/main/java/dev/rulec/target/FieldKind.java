package dev.rulec.target;

import java.util.Locale;
import java.util.Set;

/** What a renderer needs to know about a field's mapping type: how values of it compare. */
public enum FieldKind {
    /** keyword-like and text fields, and fields of unknown type (the common case for Sigma and KQL rules). */
    STRING,
    NUMERIC,
    DATE,
    IP,
    BOOLEAN,
    /** Any other mapping type (geo, object…): compared through its text form where possible. */
    OTHER;

    private static final Set<String> STRINGS = Set.of("keyword", "text", "match_only_text", "wildcard",
            "constant_keyword", "version");
    private static final Set<String> NUMBERS = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float", "unsigned_long");

    public static FieldKind of(FieldTypes types, String field) {
        return types.typeOf(field).map(t -> fromMappingType(t.toLowerCase(Locale.ROOT))).orElse(STRING);
    }

    /** Whether the field's type is known to be {@code t} (as opposed to assumed). */
    public static boolean known(FieldTypes types, String field) {
        return types.typeOf(field).isPresent();
    }

    static FieldKind fromMappingType(String t) {
        if (STRINGS.contains(t)) {
            return STRING;
        }
        if (NUMBERS.contains(t)) {
            return NUMERIC;
        }
        switch (t) {
            case "date":
            case "date_nanos":
                return DATE;
            case "ip":
                return IP;
            case "boolean":
                return BOOLEAN;
            default:
                return OTHER;
        }
    }
}
