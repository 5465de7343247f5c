package dev.rulec.model;

import java.util.List;
import java.util.Optional;

/**
 * Where a search-based rule looks: index patterns or a data view, narrowed by Kibana filters.
 *
 * @param filters Kibana query-bar filters, kept as written (an empty array when none)
 */
public record Scope(List<String> index, Optional<String> dataViewId, Value.Arr filters) {
    public Scope {
        index = List.copyOf(index);
        java.util.Objects.requireNonNull(dataViewId, "dataViewId is null");
        java.util.Objects.requireNonNull(filters, "filters is null");
    }

    public static Scope of(List<String> index) {
        return new Scope(index, Optional.empty(), new Value.Arr(List.of()));
    }

    /** The scope of a search-based detection; empty for ES|QL (its FROM names the indices) and machine learning. */
    public static Optional<Scope> of(Detection d) {
        if (d instanceof Detection.Query q) {
            return Optional.of(q.scope());
        } else if (d instanceof Detection.Eql e) {
            return Optional.of(e.scope());
        } else if (d instanceof Detection.NewTerms n) {
            return Optional.of(n.scope());
        } else if (d instanceof Detection.Threshold t) {
            return Optional.of(t.scope());
        } else if (d instanceof Detection.ThreatMatch t) {
            return Optional.of(t.scope());
        } else if (d instanceof Detection.SavedQuery s) {
            return Optional.of(s.scope());
        }
        return Optional.empty();
    }

    public static Scope none() {
        return of(List.of());
    }
}
