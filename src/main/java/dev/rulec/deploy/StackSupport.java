package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.KibanaVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which payload fields and rule types each stack version understands: the one table to extend when Kibana adds one.
 * Older Kibanas reject unknown fields, so a field the target does not know is dropped with a warning, and a rule type
 * it does not know makes the rule fail (it cannot run there at all).
 */
final class StackSupport {
    private static final Map<String, KibanaVersion> FIELDS = new TreeMap<>(Map.of(
            "setup", KibanaVersion.parse("8.3.0"),
            "related_integrations", KibanaVersion.parse("8.3.0"),
            "required_fields", KibanaVersion.parse("8.3.0"),
            "timestamp_override_fallback_disabled", KibanaVersion.parse("8.3.0"),
            "response_actions", KibanaVersion.parse("8.8.0"),
            "alert_suppression", KibanaVersion.parse("8.8.0"),
            "investigation_fields", KibanaVersion.parse("8.11.0")));

    private static final Map<String, KibanaVersion> TYPES = Map.of(
            "new_terms", KibanaVersion.parse("8.4.0"),
            "esql", KibanaVersion.parse("8.13.0"));

    private StackSupport() {
    }

    /** The rule type's minimum version, when the target is older than it. */
    static Optional<KibanaVersion> unsupportedType(ObjectNode payload, KibanaVersion target) {
        KibanaVersion min = TYPES.get(payload.path("type").asText(""));
        return min != null && !target.atLeast(min) ? Optional.of(min) : Optional.empty();
    }

    /** Removes the fields {@code target} does not know from {@code payload}; returns their names with the version each needs. */
    static List<String> dropUnknownFields(ObjectNode payload, KibanaVersion target) {
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, KibanaVersion> e : FIELDS.entrySet()) {
            if (payload.has(e.getKey()) && !target.atLeast(e.getValue())) {
                payload.remove(e.getKey());
                dropped.add(e.getKey() + " (needs " + e.getValue() + ")");
            }
        }
        return dropped;
    }
}
