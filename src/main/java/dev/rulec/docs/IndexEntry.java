package dev.rulec.docs;

import java.util.List;
import java.util.Objects;

/** One rule's row in the index, with the facets the index filters on. */
public record IndexEntry(String slug, String ruleId, String title, String originalName, Facet severity,
                         long riskScore, Facet ruleType, List<Facet> tactics, List<Facet> dataSources) {
    public IndexEntry {
        Objects.requireNonNull(slug, "slug is null");
        Objects.requireNonNull(ruleId, "ruleId is null");
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(originalName, "originalName is null");
        Objects.requireNonNull(severity, "severity is null");
        Objects.requireNonNull(ruleType, "ruleType is null");
        tactics = List.copyOf(tactics);
        dataSources = List.copyOf(dataSources);
    }
}
