package dev.rulec.docs;

import java.util.List;
import java.util.Objects;

/** A headed part of a rule page; {@code key} is stable across languages (used as the HTML id). */
public record Section(String key, String heading, List<Block> blocks) {
    public Section {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(heading, "heading is null");
        blocks = List.copyOf(blocks);
    }
}
