package dev.rulec.source.toml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A rule as Kibana returns it (JSON), written as a detection-rules TOML file with an empty {@code [metadata]} and every
 * field under {@code [rule]} as an inline value. The export reads it back with {@link TomlRuleReader} and writes the
 * model with {@link TomlRuleWriter}, so exported files look like every other rule file and hold only what the model
 * understands.
 */
public final class KibanaJsonToml {
    private KibanaJsonToml() {
    }

    public static String rule(JsonNode payload) {
        JsonNode rule = fileShape(payload);
        StringBuilder sb = new StringBuilder("[metadata]\n\n[rule]\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                sb.append(TomlText.key(e.getKey())).append(" = ").append(value(e.getValue())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Where the file format differs from the payload: new_terms fields and history window (see DetectionReader). */
    private static JsonNode fileShape(JsonNode payload) {
        if (!(payload instanceof ObjectNode o) || !o.has("new_terms_fields")) {
            return payload;
        }
        ObjectNode r = o.deepCopy();
        ObjectNode nt = JsonNodeFactory.instance.objectNode().put("field", "new_terms_fields");
        nt.set("value", r.remove("new_terms_fields"));
        JsonNode hw = r.remove("history_window_start");
        if (hw != null) {
            nt.putArray("history_window_start").addObject().put("field", "history_window_start").set("value", hw);
        }
        r.set("new_terms", nt);
        return r;
    }

    private static String value(JsonNode v) {
        if (v.isTextual()) {
            return TomlText.basic(v.asText());
        }
        if (v.isIntegralNumber() || v.isBoolean()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return Double.toString(v.asDouble());
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> {
                if (!x.isNull()) {
                    items.add(value(x));
                }
            });
            return "[" + String.join(", ", items) + "]";
        }
        List<String> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                fields.add(TomlText.key(e.getKey()) + " = " + value(e.getValue()));
            }
        }
        return "{" + String.join(", ", fields) + "}";
    }
}
