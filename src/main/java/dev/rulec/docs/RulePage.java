package dev.rulec.docs;

import java.util.List;
import java.util.Objects;

/**
 * One rule's reference page in one language, independent of the output format.
 *
 * @param lang BCP 47 tag of the page's language ({@code en}, {@code zh-CN})
 * @param intro the description and the settings, shown under the title without a heading (as the seed pages do)
 */
public record RulePage(String lang, String title, List<Block> intro, List<Section> sections, IndexEntry entry) {
    public RulePage {
        Objects.requireNonNull(lang, "lang is null");
        Objects.requireNonNull(title, "title is null");
        intro = List.copyOf(intro);
        sections = List.copyOf(sections);
        Objects.requireNonNull(entry, "entry is null");
    }

    public String slug() {
        return entry.slug();
    }
}
