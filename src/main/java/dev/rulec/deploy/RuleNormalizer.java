package dev.rulec.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts a create payload and a rule read back from Kibana into one comparable form: fields only Kibana sets are removed,
 * fields equal to the value Kibana fills in by default are removed, nulls are removed, and {@code required_fields}
 * loses Kibana's computed {@code ecs} flag. Two rules are the same deployment exactly when their normal forms are equal.
 */
public final class RuleNormalizer {
    /** Response-only fields: Kibana sets them; a payload never carries them. */
    static final Set<String> SERVER_FIELDS = Set.of("id", "created_at", "created_by", "updated_at", "updated_by",
            "revision", "execution_summary", "immutable", "rule_source", "outcome", "alias_purpose", "alias_target_id");

    /** What Kibana stores when a create payload leaves the field out. One place, data not code. */
    private static final Map<String, JsonNode> DEFAULTS;

    static {
        JsonNodeFactory f = JsonNodeFactory.instance;
        DEFAULTS = Map.ofEntries(
                Map.entry("enabled", f.booleanNode(true)),
                Map.entry("interval", f.textNode("5m")),
                Map.entry("from", f.textNode("now-6m")),
                Map.entry("to", f.textNode("now")),
                Map.entry("max_signals", f.numberNode(100L)),
                Map.entry("version", f.numberNode(1L)),
                Map.entry("setup", f.textNode("")),
                Map.entry("language", f.textNode("kuery")),
                // Kibana before 8.8 answers rules without actions with this throttle
                Map.entry("throttle", f.textNode("no_actions")),
                Map.entry("actions", f.arrayNode()),
                Map.entry("author", f.arrayNode()),
                Map.entry("exceptions_list", f.arrayNode()),
                Map.entry("false_positives", f.arrayNode()),
                Map.entry("references", f.arrayNode()),
                Map.entry("related_integrations", f.arrayNode()),
                Map.entry("required_fields", f.arrayNode()),
                Map.entry("risk_score_mapping", f.arrayNode()),
                Map.entry("severity_mapping", f.arrayNode()),
                Map.entry("tags", f.arrayNode()),
                Map.entry("threat", f.arrayNode()),
                Map.entry("response_actions", f.arrayNode()),
                Map.entry("filters", f.arrayNode()),
                Map.entry("meta", f.objectNode()));
    }

    private RuleNormalizer() {
    }

    public static ObjectNode normalize(ObjectNode rule) {
        // One copying pass: top-level fields that are dropped are never copied, numbers are canonical as they are copied.
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = canonicalCopy(e.getValue());
            if (SERVER_FIELDS.contains(k) || v.isNull() || v.equals(DEFAULTS.get(k)) || isDefaultLanguage(k, v, rule)) {
                continue;
            }
            out.set(k, v);
        }
        JsonNode required = out.get("required_fields");
        if (required instanceof ArrayNode arr) {
            for (JsonNode item : arr) {
                if (item instanceof ObjectNode o) {
                    o.remove("ecs");
                }
            }
        }
        return out;
    }

    /**
     * A copy with numbers compared by value: 47, 47L and 47.0 are one risk score (Jackson's nodes of different kinds are
     * unequal).
     */
    private static JsonNode canonicalCopy(JsonNode n) {
        if (n.isNumber()) {
            double d = n.asDouble();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15
                    ? JsonNodeFactory.instance.numberNode(n.asLong()) : JsonNodeFactory.instance.numberNode(d);
        }
        if (n instanceof ObjectNode o) {
            ObjectNode c = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                c.set(e.getKey(), canonicalCopy(e.getValue()));
            }
            return c;
        }
        if (n instanceof ArrayNode a) {
            ArrayNode c = JsonNodeFactory.instance.arrayNode(a.size());
            for (JsonNode x : a) {
                c.add(canonicalCopy(x));
            }
            return c;
        }
        // Strings, booleans, nulls: immutable nodes, shared.
        return n;
    }

    // ES|QL and EQL rules have their own one-valued language; dropping it makes a payload that omits it equal.
    private static boolean isDefaultLanguage(String key, JsonNode v, ObjectNode rule) {
        if (!key.equals("language")) {
            return false;
        }
        String type = rule.path("type").asText("");
        return (type.equals("esql") && v.asText().equals("esql")) || (type.equals("eql") && v.asText().equals("eql"));
    }

    /** The top-level fields whose normal forms differ, sorted: what a plan shows for an update. */
    public static List<String> changedFields(ObjectNode desired, ObjectNode actual) {
        ObjectNode a = normalize(desired);
        ObjectNode b = normalize(actual);
        Set<String> names = new TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!a.path(n).equals(b.path(n))) {
                out.add(n);
            }
        }
        return out;
    }
}
