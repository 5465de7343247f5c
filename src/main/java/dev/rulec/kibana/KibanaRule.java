package dev.rulec.kibana;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * A rule as Kibana returns it: the members the deploy plan decides on, read once ({@link KibanaResponses}), and the
 * whole body for comparing and exporting.
 *
 * @param id     Kibana's own id (the saved object's), used to delete the rule
 * @param ruleId the rule_id, unique per space
 * @param body   the rule as read (callers read it, they do not change it)
 */
public record KibanaRule(String id, String ruleId, List<String> tags, ObjectNode body) {
    public KibanaRule {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(ruleId, "ruleId is null");
        tags = List.copyOf(tags);
        Objects.requireNonNull(body, "body is null");
    }
}
