package dev.rulec.target;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * A rule's query as a target renders it: the query text, and the Query DSL filters Kibana ANDs onto it (a query rule's
 * {@code filters}) for the parts the query language cannot express. Most targets need no filters.
 */
public record RenderedQuery(String query, List<Filter> filters) {
    public RenderedQuery {
        Objects.requireNonNull(query, "query is null");
        filters = List.copyOf(filters);
    }

    public static RenderedQuery of(String query) {
        return new RenderedQuery(query, List.of());
    }

    /**
     * One Query DSL filter.
     *
     * @param fields the fields it tests, in order of appearance (for labels and messages)
     */
    public record Filter(ObjectNode query, List<String> fields) {
        public Filter {
            Objects.requireNonNull(query, "query is null");
            fields = List.copyOf(fields);
        }
    }
}
