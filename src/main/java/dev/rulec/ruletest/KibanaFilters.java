package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.Json;
import dev.rulec.model.Detection;
import dev.rulec.model.Scope;
import dev.rulec.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A search rule's Kibana filters as the detection engine applies them: disabled ones are ignored, the others' Query
 * DSL is ANDed onto the query ({@code bool.filter}), negated ones as {@code bool.must_not}. The DSL is a filter's
 * {@code query}, or (older filters) the filter itself without {@code meta} and {@code $state}.
 */
public final class KibanaFilters {
    private KibanaFilters() {
    }

    /** One filter that takes part in the search. */
    public record Active(ObjectNode dsl, boolean negate) {
    }

    public static List<Active> active(Detection d) {
        Optional<Scope> scope = d instanceof Detection.Query q ? Optional.of(q.scope())
                : d instanceof Detection.NewTerms n ? Optional.of(n.scope())
                : d instanceof Detection.Threshold t ? Optional.of(t.scope()) : Optional.empty();
        List<Active> out = new ArrayList<>();
        for (Value v : scope.map(s -> s.filters().items()).orElse(List.of())) {
            if (!(Json.of(v) instanceof ObjectNode f)) {
                continue;
            }
            JsonNode meta = f.path("meta");
            if (meta.path("disabled").asBoolean(false)) {
                continue;
            }
            ObjectNode rest = f.deepCopy();
            rest.remove(List.of("meta", "$state"));
            ObjectNode dsl = rest.size() == 1 && rest.get("query") instanceof ObjectNode q ? q : rest;
            out.add(new Active(dsl, meta.path("negate").asBoolean(false)));
        }
        return out;
    }

    /** The query with the rule's active filters; the query itself when there are none. */
    public static ObjectNode apply(ObjectNode query, Detection d) {
        List<Active> filters = active(d);
        if (filters.isEmpty()) {
            return query;
        }
        ObjectNode q = JsonNodeFactory.instance.objectNode();
        ObjectNode bool = q.putObject("bool");
        bool.putArray("filter").add(query);
        for (Active a : filters) {
            if (a.negate()) {
                bool.withArray("must_not").add(a.dsl());
            } else {
                bool.withArray("filter").add(a.dsl());
            }
        }
        return q;
    }
}
