package dev.rulec.lang.esql;

import dev.rulec.schema.EsTypes;

import java.util.Locale;

/** ES|QL data types, named as Elasticsearch names them in messages. */
public enum EsqlType {
    KEYWORD, TEXT, INTEGER, LONG, DOUBLE, UNSIGNED_LONG, BOOLEAN, DATETIME, DATE_NANOS, IP, VERSION,
    GEO_POINT, GEO_SHAPE, CARTESIAN_POINT, CARTESIAN_SHAPE, TIME_DURATION, DATE_PERIOD, NULL, UNSUPPORTED,
    /** Not known to rulec (a parameter, a GROK capture without a type suffix is keyword): never reported. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isString() {
        return this == KEYWORD || this == TEXT;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == LONG || this == DOUBLE || this == UNSIGNED_LONG;
    }

    public boolean isDate() {
        return this == DATETIME || this == DATE_NANOS;
    }

    public boolean isSpatial() {
        return this == GEO_POINT || this == GEO_SHAPE || this == CARTESIAN_POINT || this == CARTESIAN_SHAPE;
    }

    public boolean isOpen() {
        return this == UNKNOWN || this == NULL;
    }

    /** The ES|QL type a field of this mapping type reads as. */
    public static EsqlType ofMapping(String mappingType) {
        String t = EsTypes.esqlType(mappingType);
        return switch (t) {
            case "keyword" -> KEYWORD;
            case "text" -> TEXT;
            case "integer" -> INTEGER;
            case "long" -> LONG;
            case "double" -> DOUBLE;
            case "unsigned_long" -> UNSIGNED_LONG;
            case "boolean" -> BOOLEAN;
            case "date" -> DATETIME;
            case "date_nanos" -> DATE_NANOS;
            case "ip" -> IP;
            case "version" -> VERSION;
            case "geo_point" -> GEO_POINT;
            case "geo_shape" -> GEO_SHAPE;
            case "cartesian_point" -> CARTESIAN_POINT;
            case "cartesian_shape" -> CARTESIAN_SHAPE;
            default -> UNSUPPORTED;
        };
    }

    /** The type named in a cast {@code ::type} or a GROK suffix; {@link #UNSUPPORTED} when not a type. */
    public static EsqlType ofCastName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "keyword", "string" -> KEYWORD;
            case "text" -> TEXT;
            case "int", "integer" -> INTEGER;
            case "long" -> LONG;
            case "double", "float" -> DOUBLE;
            case "unsigned_long" -> UNSIGNED_LONG;
            case "bool", "boolean" -> BOOLEAN;
            case "datetime", "date" -> DATETIME;
            case "date_nanos" -> DATE_NANOS;
            case "ip" -> IP;
            case "version" -> VERSION;
            case "geo_point" -> GEO_POINT;
            case "geo_shape" -> GEO_SHAPE;
            case "cartesian_point" -> CARTESIAN_POINT;
            case "cartesian_shape" -> CARTESIAN_SHAPE;
            case "time_duration" -> TIME_DURATION;
            case "date_period" -> DATE_PERIOD;
            default -> UNSUPPORTED;
        };
    }
}
