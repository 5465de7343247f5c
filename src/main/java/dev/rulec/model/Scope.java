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

    public static Scope none() {
        return of(List.of());
    }
}
