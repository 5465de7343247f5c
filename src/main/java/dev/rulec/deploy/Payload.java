package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.SourcePos;
import dev.rulec.kibana.KibanaVersion;
import dev.rulec.kibana.PayloadBuilder;
import dev.rulec.model.LoadedRule;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule to deploy: its create-rule JSON (as {@code dev.rulec.kibana.PayloadBuilder} builds it), where it came from,
 * and the oldest stack it is meant for ({@code min_stack_version} of detection-rules TOML).
 */
public record Payload(String ruleId, ObjectNode body, SourcePos source, Optional<KibanaVersion> minStackVersion) {
    public Payload {
        Objects.requireNonNull(ruleId, "ruleId is null");
        Objects.requireNonNull(body, "body is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(minStackVersion, "minStackVersion is null");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("ruleId is blank");
        }
        body = body.deepCopy();
    }

    /** A payload whose rule_id is the body's {@code rule_id}. */
    public static Payload of(ObjectNode body, SourcePos source) {
        String id = body.path("rule_id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException(source + ": payload has no rule_id");
        }
        return new Payload(id, body, source, Optional.empty());
    }

    /**
     * The payload of a loaded rule: {@link PayloadBuilder}'s body, the rule file as source, and the rule's
     * {@code min_stack_version} (an unparsable one counts as absent; the reader reports it).
     */
    public static Payload of(LoadedRule loaded) {
        Optional<KibanaVersion> min = Optional.empty();
        Optional<String> text = loaded.rule().metadata().minStackVersion();
        if (text.isPresent()) {
            try {
                min = Optional.of(KibanaVersion.parse(text.get()));
            } catch (IllegalArgumentException e) {
                min = Optional.empty();
            }
        }
        return new Payload(loaded.rule().ruleId(), PayloadBuilder.build(loaded.rule()), loaded.origin(), min);
    }

    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }
}
