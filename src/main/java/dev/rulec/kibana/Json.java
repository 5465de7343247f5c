package dev.rulec.kibana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.model.Value;

import java.util.Map;

/** The one JSON writer of the project: Jackson, UTF-8, stable key order decided by the builder. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** One line, for NDJSON. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /** Indented, with a trailing newline, for files meant to be read and diffed. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /** A model value as JSON, keys in the order written. */
    public static JsonNode of(Value v) {
        if (v instanceof Value.Str s) {
            return NODES.textNode(s.value());
        }
        if (v instanceof Value.Num n) {
            return n.value().scale() <= 0 ? NODES.numberNode(n.value().toBigIntegerExact())
                    : NODES.numberNode(n.value());
        }
        if (v instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        }
        if (v instanceof Value.Arr a) {
            ArrayNode arr = NODES.arrayNode();
            a.items().forEach(i -> arr.add(of(i)));
            return arr;
        }
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, Value> e : ((Value.Obj) v).fields().entrySet()) {
            o.set(e.getKey(), of(e.getValue()));
        }
        return o;
    }
}
