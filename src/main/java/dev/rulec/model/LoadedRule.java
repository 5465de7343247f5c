package dev.rulec.model;

import dev.rulec.diag.SourcePos;

import java.util.Map;
import java.util.Objects;

/**
 * A rule with where it came from: its file and the position of each key, by dotted path
 * ({@code rule.query}, {@code rule.threat[0].tactic.id}), so later stages can point at the source.
 */
public record LoadedRule(Rule rule, SourceFormat format, SourcePos origin, Map<String, SourcePos> positions) {
    public LoadedRule {
        Objects.requireNonNull(rule, "rule is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(origin, "origin is null");
        positions = Map.copyOf(positions);
    }

    /** The position of a key, or of the rule itself when the key was not written. */
    public SourcePos posOf(String path) {
        return positions.getOrDefault(path, origin);
    }

    public enum SourceFormat { TOML, SIGMA }
}
