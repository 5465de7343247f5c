package dev.rulec.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a rule runs and how far back it looks. Absent values mean Kibana's defaults
 * ({@code interval 5m}, {@code from now-6m}, {@code to now}, {@code max_signals 100}).
 */
public record Schedule(Optional<String> interval, Optional<String> from, Optional<String> to,
                       OptionalLong maxSignals) {
    public Schedule {
        Objects.requireNonNull(interval, "interval is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        Objects.requireNonNull(maxSignals, "maxSignals is null");
    }

    public static Schedule defaults() {
        return new Schedule(Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty());
    }
}
