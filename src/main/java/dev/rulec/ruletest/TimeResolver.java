package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Replaces date math on now ({@code "now-3h"}) in fixture values by ISO-8601 instants with milliseconds. */
public record TimeResolver(Instant now) {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public static String iso(Instant t) {
        return ISO.format(t);
    }

    public JsonNode resolve(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            String s = n.textValue();
            if (s.startsWith("now") && TimeMath.isRelative(s)) {
                return JsonNodeFactory.instance.textNode(iso(TimeMath.resolve(s, now).orElseThrow()));
            }
            return n;
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), resolve(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(resolve(x)));
            return a;
        }
        return n;
    }
}
