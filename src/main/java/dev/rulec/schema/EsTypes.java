package dev.rulec.schema;

import java.util.Locale;
import java.util.Map;

/** How mapping types group for querying: the keyword family, text family, numbers… */
public final class EsTypes {
    private EsTypes() {
    }

    private static final Map<String, String> FAMILY = Map.ofEntries(
            Map.entry("keyword", "keyword"), Map.entry("constant_keyword", "keyword"), Map.entry("wildcard", "keyword"),
            Map.entry("text", "text"), Map.entry("match_only_text", "text"),
            Map.entry("long", "long"), Map.entry("integer", "integer"), Map.entry("short", "integer"),
            Map.entry("byte", "integer"), Map.entry("double", "double"), Map.entry("float", "double"),
            Map.entry("half_float", "double"), Map.entry("scaled_float", "double"),
            Map.entry("unsigned_long", "unsigned_long"), Map.entry("date", "date"), Map.entry("date_nanos", "date_nanos"),
            Map.entry("boolean", "boolean"), Map.entry("ip", "ip"), Map.entry("version", "version"),
            Map.entry("geo_point", "geo_point"), Map.entry("geo_shape", "geo_shape"),
            Map.entry("cartesian_point", "cartesian_point"), Map.entry("cartesian_shape", "cartesian_shape"));

    /**
     * The ES|QL data type a mapping type reads as ({@code wildcard} → {@code keyword}, {@code float} → {@code double},
     * {@code match_only_text} → {@code text}); {@code unsupported} for containers and types ES|QL cannot read.
     */
    public static String esqlType(String mappingType) {
        return FAMILY.getOrDefault(mappingType.toLowerCase(Locale.ROOT), "unsupported");
    }

    static boolean sameQueryType(String a, String b) {
        return esqlType(a).equals(esqlType(b)) && !esqlType(a).equals("unsupported");
    }
}
