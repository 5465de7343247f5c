package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.SourcePos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan for one rule_id.
 *
 * @param source    where the rule comes from; empty for a rule only Kibana has (a delete)
 * @param body      the payload to send (marker tag added, overrides applied) for create and update
 * @param kibanaId  Kibana's id of the existing rule, for update, unchanged, delete and conflict
 * @param changes   for an update, the top-level fields that differ
 * @param reason    for conflict and skip, why
 */
public record PlanEntry(Action action, String ruleId, Optional<SourcePos> source, Optional<ObjectNode> body,
                        Optional<String> kibanaId, List<String> changes, String reason) {
    public PlanEntry {
        Objects.requireNonNull(action, "action is null");
        Objects.requireNonNull(ruleId, "ruleId is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(body, "body is null");
        Objects.requireNonNull(kibanaId, "kibanaId is null");
        changes = List.copyOf(changes);
        Objects.requireNonNull(reason, "reason is null");
    }

    /** The rule's name: from the payload, else empty. */
    public String name() {
        return body.map(b -> b.path("name").asText("")).orElse("");
    }
}
