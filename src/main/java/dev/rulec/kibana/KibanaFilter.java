package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kibana query-bar filter of a rule, read as the detection engine reads it: its Query DSL is the filter's
 * {@code query} (or, in older filters, the filter itself without {@code meta} and {@code $state}); {@code meta} says
 * whether it is disabled (ignored), negated ({@code must_not}) and how it is labelled ({@code alias}).
 */
public record KibanaFilter(ObjectNode dsl, boolean disabled, boolean negate, Optional<String> alias) {
    public KibanaFilter {
        Objects.requireNonNull(dsl, "dsl is null");
        Objects.requireNonNull(alias, "alias is null");
    }

    /** The filters of a rule's {@code filters} array; entries that are not objects are left out. */
    public static List<KibanaFilter> of(Value.Arr filters) {
        List<KibanaFilter> out = new ArrayList<>();
        for (Value v : filters.items()) {
            if (!(Json.of(v) instanceof ObjectNode f)) {
                continue;
            }
            JsonNode meta = f.path("meta");
            ObjectNode rest = f.deepCopy();
            rest.remove(List.of("meta", "$state"));
            ObjectNode dsl = rest.size() == 1 && rest.get("query") instanceof ObjectNode q ? q : rest;
            out.add(new KibanaFilter(dsl, meta.path("disabled").asBoolean(false), meta.path("negate").asBoolean(false),
                    meta.path("alias").isTextual() ? Optional.of(meta.path("alias").asText()) : Optional.empty()));
        }
        return out;
    }
}
