package dev.rulec.docs;

import java.util.Optional;

/**
 * A tag in the page's language. Elastic tags are {@code Prefix: Value}; the prefix and well-known values are
 * looked up in the bundle ({@code tag.prefix.data_source}, {@code tag.value.cloud}); anything unknown stays as
 * written, and a tag with nothing known is shown exactly as written.
 */
final class TagText {
    private TagText() {
    }

    static String of(String tag, Messages m) {
        int colon = tag.indexOf(':');
        if (colon <= 0) {
            return m.find("tag.value." + Messages.keyOf(tag)).orElse(tag);
        }
        String prefix = tag.substring(0, colon).trim();
        String value = tag.substring(colon + 1).trim();
        Optional<String> p = m.find("tag.prefix." + Messages.keyOf(prefix));
        Optional<String> v = m.find("tag.value." + Messages.keyOf(value));
        if (p.isEmpty() && v.isEmpty()) {
            return tag;
        }
        return m.get("tag.format", p.orElse(prefix), v.orElse(value));
    }

    /** The value of a {@code Prefix: Value} tag when its prefix is {@code prefix}. */
    static Optional<String> valueOf(String tag, String prefix) {
        int colon = tag.indexOf(':');
        if (colon <= 0 || !tag.substring(0, colon).trim().equalsIgnoreCase(prefix)) {
            return Optional.empty();
        }
        String v = tag.substring(colon + 1).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
