package dev.rulec.model;

import dev.rulec.diag.SourcePos;

import java.util.Map;
import java.util.Objects;

/**
 * A rule with where it came from: its file and the position of each key, so later stages can point at the source.
 * Equality is the rule's and origin's only — positions are a lookup, not a value.
 */
public record LoadedRule(Rule rule, SourceFormat format, SourcePos origin, Positions positions) {
    public LoadedRule {
        Objects.requireNonNull(rule, "rule is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(origin, "origin is null");
        Objects.requireNonNull(positions, "positions is null");
    }

    public LoadedRule(Rule rule, SourceFormat format, SourcePos origin, Map<String, SourcePos> positions) {
        this(rule, format, origin, Positions.of(positions));
    }

    /** The position of a key, or of the rule itself when the key was not written. */
    public SourcePos posOf(String path) {
        return positions.of(path).orElse(origin);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadedRule l && l.rule.equals(rule) && l.format == format && l.origin.equals(origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, format, origin);
    }

    public enum SourceFormat { TOML, SIGMA }
}
