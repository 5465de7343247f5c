package dev.rulec.model;

import dev.rulec.diag.SourcePos;

import java.util.Map;
import java.util.Optional;

/**
 * Where each key of a rule file was written, by dotted path ({@code rule.query}, {@code rule.threat[0].tactic.id}).
 * May be computed lazily: readers that parse fast without positions find them only when a diagnostic needs one.
 */
@FunctionalInterface
public interface Positions {
    Optional<SourcePos> of(String path);

    static Positions of(Map<String, SourcePos> map) {
        Map<String, SourcePos> copy = Map.copyOf(map);
        return p -> Optional.ofNullable(copy.get(p));
    }

    static Positions none() {
        return p -> Optional.empty();
    }
}
