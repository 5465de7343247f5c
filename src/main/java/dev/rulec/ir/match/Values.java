package dev.rulec.ir.match;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/** How event values are seen as text and lower-cased, in one place (the renderers' case folding must agree). */
final class Values {
    private Values() {
    }

    /** The text of a scalar (strings as they are, numbers and booleans as JSON writes them); empty for objects. */
    static Optional<String> text(JsonNode v) {
        if (v.isTextual()) {
            return Optional.of(v.textValue());
        }
        if (v.isNumber() || v.isBoolean()) {
            return Optional.of(v.asText());
        }
        return Optional.empty();
    }

    /** Same as {@link #text} without the Optional, {@code null} for non-scalars (internal hot path). */
    static String textOrNull(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        return null;
    }

    /** {@code String.toLowerCase(Locale.ROOT)}, as ES|QL's {@code TO_LOWER} does, with an ASCII fast path. */
    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }

    /** Compares by code point, which is the UTF-8 byte order Elasticsearch uses for keywords. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
