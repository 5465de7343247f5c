package dev.rulec.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.KibanaRule;

/**
 * How rulec recognises its own rules in Kibana: a tag. A tag rather than a {@code meta} key because Kibana overwrites
 * {@code meta} when a rule is saved in its UI (the schema says so), while tags survive edits, export and import, are
 * visible to users, and can be searched in the rules table ({@code tags: "rulec:managed"}). Rules without it are never
 * updated or deleted.
 */
public final class ManagedMarker {
    public static final String TAG = "rulec:managed";

    private ManagedMarker() {
    }

    /** Whether a rule Kibana holds carries the marker. */
    public static boolean isManaged(KibanaRule rule) {
        return rule.tags().contains(TAG);
    }

    /** Whether a payload carries the marker. */
    public static boolean isManaged(ObjectNode payload) {
        for (JsonNode t : payload.path("tags")) {
            if (TAG.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The payload with the marker tag appended (once). */
    public static ObjectNode mark(ObjectNode payload) {
        ObjectNode out = payload.deepCopy();
        if (isManaged(out)) {
            return out;
        }
        JsonNode tags = out.get("tags");
        ArrayNode arr = tags instanceof ArrayNode a ? a : out.putArray("tags");
        arr.add(TAG);
        return out;
    }
}
