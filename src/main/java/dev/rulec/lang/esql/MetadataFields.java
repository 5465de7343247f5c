package dev.rulec.lang.esql;

import java.util.Map;
import java.util.Optional;

/** The fields {@code FROM … METADATA} may ask for, with their ES|QL types. */
final class MetadataFields {
    private MetadataFields() {
    }

    private static final Map<String, EsqlType> FIELDS = Map.of("_id", EsqlType.KEYWORD, "_index", EsqlType.KEYWORD,
            "_version", EsqlType.LONG, "_score", EsqlType.DOUBLE, "_source", EsqlType.UNSUPPORTED,
            "_ignored", EsqlType.KEYWORD, "_index_mode", EsqlType.KEYWORD);

    static Optional<EsqlType> lookup(String name) {
        return Optional.ofNullable(FIELDS.get(name));
    }

    static EsqlType type(String name) {
        return FIELDS.getOrDefault(name, EsqlType.UNKNOWN);
    }
}
