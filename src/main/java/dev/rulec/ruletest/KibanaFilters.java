package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.kibana.KibanaFilter;
import dev.rulec.model.Detection;
import dev.rulec.model.Scope;

import java.util.List;
import java.util.Optional;

/**
 * A search rule's Kibana filters as the detection engine applies them: disabled ones are ignored, the others' Query
 * DSL is ANDed onto the query ({@code bool.filter}), negated ones as {@code bool.must_not}.
 */
public final class KibanaFilters {
    private KibanaFilters() {
    }

    /** The filters that take part in the search (not disabled). */
    public static List<KibanaFilter> active(Detection d) {
        Optional<Scope> scope = d instanceof Detection.Query q ? Optional.of(q.scope())
                : d instanceof Detection.NewTerms n ? Optional.of(n.scope())
                : d instanceof Detection.Threshold t ? Optional.of(t.scope()) : Optional.empty();
        return scope.map(s -> KibanaFilter.of(s.filters()).stream().filter(f -> !f.disabled()).toList())
                .orElse(List.of());
    }

    /** The query with the rule's active filters; the query itself when there are none. */
    public static ObjectNode apply(ObjectNode query, Detection d) {
        List<KibanaFilter> filters = active(d);
        if (filters.isEmpty()) {
            return query;
        }
        ObjectNode q = JsonNodeFactory.instance.objectNode();
        ObjectNode bool = q.putObject("bool");
        bool.putArray("filter").add(query);
        for (KibanaFilter f : filters) {
            bool.withArray(f.negate() ? "must_not" : "filter").add(f.dsl());
        }
        return q;
    }
}
