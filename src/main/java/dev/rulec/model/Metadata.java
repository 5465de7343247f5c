package dev.rulec.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The detection-rules {@code [metadata]} table: life-cycle facts that are not part of the Kibana payload.
 *
 * @param other the keys rulec does not interpret, kept so that TOML round-trips
 */
public record Metadata(Optional<String> creationDate, Optional<String> updatedDate, Optional<String> maturity,
                       List<String> integration, Optional<String> minStackVersion,
                       Optional<String> minStackComments, Optional<String> deprecationDate, Value.Obj other) {
    public Metadata {
        Objects.requireNonNull(creationDate, "creationDate is null");
        Objects.requireNonNull(updatedDate, "updatedDate is null");
        Objects.requireNonNull(maturity, "maturity is null");
        integration = List.copyOf(integration);
        Objects.requireNonNull(minStackVersion, "minStackVersion is null");
        Objects.requireNonNull(minStackComments, "minStackComments is null");
        Objects.requireNonNull(deprecationDate, "deprecationDate is null");
        Objects.requireNonNull(other, "other is null");
    }

    public static Metadata empty() {
        return new Metadata(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Value.Obj.empty());
    }
}
