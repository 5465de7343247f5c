package dev.rulec.kibana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.model.Value;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands detection-rules transform placeholders in an investigation guide: {@code $osquery_0} becomes
 * Kibana's {@code !{osquery{…}}} markdown plugin call with the first {@code [[transform.osquery]]} entry.
 */
final class Transforms {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([a-z_]+)_(\\d+)");

    private Transforms() {
    }

    static String expand(String note, Value.Obj transform) {
        if (transform.isEmpty()) {
            return note;
        }
        Matcher m = PLACEHOLDER.matcher(note);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String plugin = m.group(1);
            int index = Integer.parseInt(m.group(2));
            Value entries = transform.fields().get(plugin);
            String replacement = m.group();
            if (entries instanceof Value.Arr arr && index < arr.items().size()
                    && arr.items().get(index) instanceof Value.Obj entry) {
                ObjectNode o = Json.NODES.objectNode();
                for (Map.Entry<String, Value> e : entry.fields().entrySet()) {
                    o.set(e.getKey(), Json.of(e.getValue()));
                }
                replacement = "!{" + plugin + Json.compact(o) + "}";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
