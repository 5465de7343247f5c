package dev.rulec.kibana.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of one Kibana space, kept as Kibana keeps them: rule_id unique, a random {@code id}, server fields and
 * defaults filled in on write, revision counted on overwrite, creation order for {@code _find}.
 */
final class RuleStore {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> KQL_TYPES = Set.of("query", "saved_query", "threshold", "threat_match", "new_terms");

    private final Map<String, ObjectNode> byRuleId = new LinkedHashMap<>();

    synchronized Optional<ObjectNode> get(String ruleId) {
        return Optional.ofNullable(byRuleId.get(ruleId)).map(ObjectNode::deepCopy);
    }

    synchronized Optional<ObjectNode> byId(String id) {
        return byRuleId.values().stream().filter(r -> r.path("id").asText().equals(id)).findFirst().map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all() {
        return byRuleId.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized int size() {
        return byRuleId.size();
    }

    /** Creates a rule; the caller has checked that its rule_id is free. */
    synchronized ObjectNode create(ObjectNode payload) {
        ObjectNode r = withDefaults(payload);
        String now = Instant.now().toString();
        r.put("id", UUID.randomUUID().toString());
        r.put("created_at", now).put("created_by", "elastic").put("updated_at", now).put("updated_by", "elastic");
        r.put("revision", 0).put("immutable", false);
        r.putObject("rule_source").put("type", "internal");
        byRuleId.put(r.path("rule_id").asText(), r);
        return r.deepCopy();
    }

    /** Replaces a rule's content as {@code _import?overwrite=true} does: same id and creation, revision + 1. */
    synchronized ObjectNode overwrite(ObjectNode payload) {
        ObjectNode old = byRuleId.get(payload.path("rule_id").asText());
        ObjectNode r = withDefaults(payload);
        for (String keep : List.of("id", "created_at", "created_by", "immutable", "rule_source")) {
            r.set(keep, old.get(keep));
        }
        r.put("updated_at", Instant.now().toString()).put("updated_by", "elastic");
        r.put("revision", old.path("revision").asInt() + 1);
        byRuleId.put(r.path("rule_id").asText(), r);
        return r.deepCopy();
    }

    synchronized Optional<ObjectNode> deleteById(String id) {
        Optional<ObjectNode> r = byId(id);
        r.ifPresent(x -> byRuleId.remove(x.path("rule_id").asText()));
        return r;
    }

    synchronized Optional<ObjectNode> deleteByRuleId(String ruleId) {
        return Optional.ofNullable(byRuleId.remove(ruleId));
    }

    /** What Kibana fills in when a payload leaves a field out. */
    private static ObjectNode withDefaults(ObjectNode payload) {
        ObjectNode r = F.objectNode();
        r.put("enabled", true).put("interval", "5m").put("from", "now-6m").put("to", "now").put("max_signals", 100)
                .put("version", 1).put("setup", "");
        for (String arr : List.of("actions", "author", "exceptions_list", "false_positives", "references",
                "related_integrations", "required_fields", "risk_score_mapping", "severity_mapping", "tags", "threat")) {
            r.set(arr, F.arrayNode());
        }
        if (KQL_TYPES.contains(payload.path("type").asText())) {
            r.put("language", "kuery");
        }
        r.setAll(payload.deepCopy());
        JsonNode required = r.get("required_fields");
        if (required instanceof ArrayNode a) {
            for (JsonNode f : a) {
                if (f instanceof ObjectNode o) {
                    // Kibana computes this from its ECS field table; the stand-in calls every field non-ECS.
                    o.put("ecs", false);
                }
            }
        }
        return r;
    }
}
