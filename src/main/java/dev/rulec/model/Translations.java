package dev.rulec.model;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A rule's own prose in other languages, by BCP 47 language tag ({@code zh-CN}). Keys are normalized
 * ({@code zh_cn} and {@code zh-cn} become {@code zh-CN}) and kept sorted, so output that lists them is stable.
 * In TOML: {@code [rule.translations."zh-CN"]}; in Sigma: {@code translations: {zh-CN: {...}}} (docs/translations.md).
 */
public record Translations(Map<String, Text> byLanguage) {
    public Translations {
        TreeMap<String, Text> sorted = new TreeMap<>();
        byLanguage.forEach((k, v) -> sorted.put(normalize(k), Objects.requireNonNull(v, "translation is null")));
        byLanguage = Collections.unmodifiableMap(sorted);
    }

    public static Translations none() {
        return new Translations(Map.of());
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    /** The translation for {@code tag}: exact tag first ({@code zh-CN}), then the bare language ({@code zh}). */
    public Optional<Text> forLanguage(String tag) {
        String t = normalize(tag);
        Text exact = byLanguage.get(t);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(byLanguage.get(Locale.forLanguageTag(t).getLanguage()));
    }

    /** {@code zh_cn}, {@code ZH-cn} → {@code zh-CN}. */
    public static String normalize(String tag) {
        return Locale.forLanguageTag(tag.replace('_', '-')).toLanguageTag();
    }

    /** The translatable prose of a rule; what is absent falls back to the rule's own text. */
    public record Text(Optional<String> name, Optional<String> description, Optional<String> note,
                       Optional<String> setup, List<String> falsePositives) {
        public Text {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(description, "description is null");
            Objects.requireNonNull(note, "note is null");
            Objects.requireNonNull(setup, "setup is null");
            falsePositives = List.copyOf(falsePositives);
        }
    }
}
