package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.lang.esql.EsqlType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a document's field as Elasticsearch indexes them under a mapping: what aggregations bucket on and
 * what range queries compare.
 */
public final class DocValues {
    private DocValues() {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Every field of the document with its JSON values (dotted paths; arrays flattened). */
    public static Map<String, List<JsonNode>> fields(ObjectNode doc) {
        Map<String, List<JsonNode>> out = new HashMap<>();
        EsqlInterpreter.flatten("", doc, out);
        return out;
    }

    /**
     * The distinct bucket keys of a field, as terms and composite aggregations write them: strings for keyword and
     * ip, numbers, epoch milliseconds for dates, booleans.
     */
    public static List<JsonNode> keys(ObjectNode doc, String field, Map<String, String> mapping) {
        List<JsonNode> raw = fields(doc).getOrDefault(field, List.of());
        if (raw.isEmpty()) {
            return List.of();
        }
        EsqlType t = Optional.ofNullable(mapping.get(field)).map(EsqlType::ofMapping)
                .orElseGet(() -> raw.get(0).isIntegralNumber() ? EsqlType.LONG : raw.get(0).isNumber()
                        ? EsqlType.DOUBLE : raw.get(0).isBoolean() ? EsqlType.BOOLEAN : EsqlType.KEYWORD);
        if (t == EsqlType.TEXT || t == EsqlType.UNSUPPORTED) {
            return List.of();
        }
        List<Object> vals = new ArrayList<>();
        for (JsonNode n : raw) {
            vals.add(EsqlValues.fromJson(n, t));
        }
        List<JsonNode> out = new ArrayList<>();
        for (Object v : EsqlValues.elements(EsqlValues.sortedSet(vals))) {
            if (v instanceof Instant i) {
                out.add(JSON.numberNode(i.toEpochMilli()));
            } else {
                out.add(EsqlValues.toJson(v));
            }
        }
        return out;
    }

    /** The instants of a date field (epoch milliseconds or ISO-8601 text). */
    public static List<Instant> dates(ObjectNode doc, String field) {
        List<Instant> out = new ArrayList<>();
        for (JsonNode n : fields(doc).getOrDefault(field, List.of())) {
            try {
                out.add((Instant) EsqlValues.fromJson(n, EsqlType.DATETIME));
            } catch (EsqlRuntimeException e) {
                // not a date: the index check reports it
            }
        }
        return out;
    }
}
