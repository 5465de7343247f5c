package dev.rulec.lang.kql;

import dev.rulec.ir.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * KQL's quoting and escaping, both directions, in one place (Kibana's {@code kuery} grammar):
 * <ul>
 *   <li>quoted: {@code \t \r \n}, {@code \\uXXXX}, {@code \\} and {@code \"} are escapes; any other backslash is literal;
 *       {@code *} is literal.</li>
 *   <li>unquoted: {@code \t \r \n}, {@code \\uXXXX}, a backslash before one of {@code \():<>"*{}}, and a backslash before
 *       a keyword ({@code \or}, {@code \and}, {@code \not}); an unescaped {@code *} is a wildcard; any other backslash
 *       is an error. Kibana trims the decoded value.</li>
 * </ul>
 * Kibana's rules are tried in order, so {@code \not} decodes as a newline followed by {@code ot}; {@link #unquoted}
 * therefore spells a literal standalone {@code not} as {@code \u006eot}.
 */
public final class KqlQuoting {

    /** Kibana's SpecialCharacter set: these must be escaped in unquoted values. */
    static final String SPECIAL = "\\():<>\"*{}";
    private static final List<String> KEYWORDS = List.of("or", "and", "not");

    private KqlQuoting() {
    }

    /** A bad escape at {@code offset} (a char index into the decoded raw text). */
    public static final class BadEscape extends Exception {
        private final int offset;

        BadEscape(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /** The text between the quotes of a quoted KQL string (no wildcards: {@code *} is literal there). */
    public static String decodeQuoted(String inner) {
        StringBuilder sb = new StringBuilder(inner.length());
        int i = 0;
        while (i < inner.length()) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char d = inner.charAt(i + 1);
                int ws = escapedWhitespace(d);
                if (ws >= 0) {
                    sb.append((char) ws);
                    i += 2;
                    continue;
                }
                int u = unicodeEscape(inner, i);
                if (u >= 0) {
                    sb.append((char) u);
                    i += 6;
                    continue;
                }
                if (d == '\\' || d == '"') {
                    sb.append(d);
                    i += 2;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** An unquoted KQL value (the raw text, inner whitespace included) as pattern parts, trimmed as Kibana does. */
    public static Pattern decodeUnquoted(String raw) throws BadEscape {
        List<Pattern.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '*') {
                flush(text, parts);
                parts.add(Pattern.ANY_STRING);
                i++;
            } else if (c != '\\') {
                text.append(c);
                i++;
            } else {
                i = decodeEscape(raw, i, text);
            }
        }
        flush(text, parts);
        return trim(new Pattern(parts));
    }

    private static int decodeEscape(String raw, int i, StringBuilder out) throws BadEscape {
        if (i + 1 >= raw.length()) {
            throw new BadEscape(i, "a backslash at the end of an unquoted value escapes nothing; write \\\\ for a backslash");
        }
        char d = raw.charAt(i + 1);
        int ws = escapedWhitespace(d);
        if (ws >= 0) {
            out.append((char) ws);
            return i + 2;
        }
        if (SPECIAL.indexOf(d) >= 0) {
            out.append(d);
            return i + 2;
        }
        int u = unicodeEscape(raw, i);
        if (u >= 0) {
            out.append((char) u);
            return i + 6;
        }
        for (String k : KEYWORDS) {
            if (raw.regionMatches(true, i + 1, k, 0, k.length())) {
                out.append(raw, i + 1, i + 1 + k.length());
                return i + 1 + k.length();
            }
        }
        if (d == 'u') {
            throw new BadEscape(i, "\\u must be followed by four hexadecimal digits");
        }
        throw new BadEscape(i, "unknown escape [\\" + d + "] in an unquoted value (KQL escapes only \\():<>\"*{}, "
                + "\\t \\r \\n, \\uXXXX and the keywords); quote the value or write \\\\ for a backslash");
    }

    private static int escapedWhitespace(char d) {
        return d == 't' ? '\t' : d == 'r' ? '\r' : d == 'n' ? '\n' : -1;
    }

    private static int unicodeEscape(String s, int backslash) {
        if (backslash + 5 < s.length() && s.charAt(backslash + 1) == 'u') {
            String hex = s.substring(backslash + 2, backslash + 6);
            if (hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                return Integer.parseInt(hex, 16);
            }
        }
        return -1;
    }

    private static void flush(StringBuilder text, List<Pattern.Part> parts) {
        if (text.length() > 0) {
            parts.add(new Pattern.Text(text.toString()));
            text.setLength(0);
        }
    }

    /** JavaScript's {@code String.prototype.trim} whitespace, which Kibana applies to unquoted values. */
    static boolean isJsWhitespace(char c) {
        return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ' ' || c == '\u00A0'
                || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
                || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }

    private static Pattern trim(Pattern p) {
        List<Pattern.Part> parts = new ArrayList<>(p.parts());
        if (!parts.isEmpty() && parts.get(0) instanceof Pattern.Text t) {
            String s = stripJs(t.text(), true);
            replaceOrRemove(parts, 0, s);
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Pattern.Text t) {
            String s = stripJs(t.text(), false);
            replaceOrRemove(parts, parts.size() - 1, s);
        }
        return new Pattern(parts);
    }

    private static void replaceOrRemove(List<Pattern.Part> parts, int index, String s) {
        if (s.isEmpty()) {
            parts.remove(index);
        } else {
            parts.set(index, new Pattern.Text(s));
        }
    }

    private static String stripJs(String s, boolean leading) {
        int b = 0;
        int e = s.length();
        if (leading) {
            while (b < e && isJsWhitespace(s.charAt(b))) {
                b++;
            }
        } else {
            while (e > b && isJsWhitespace(s.charAt(e - 1))) {
                e--;
            }
        }
        return s.substring(b, e);
    }

    // ---- rendering ----

    /** {@code s} as a quoted KQL string: {@code "…"} with backslash, quote, tab, CR and LF escaped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * A pattern as an unquoted KQL value ({@code *} wildcards, everything else escaped), or empty when KQL cannot
     * express it: Kibana trims unquoted values, so a value starting or ending with whitespace has no unquoted form.
     */
    public static Optional<String> unquoted(Pattern p) {
        if (p.isEmpty()) {
            return Optional.empty();
        }
        List<Pattern.Part> parts = p.parts();
        if (parts.get(0) instanceof Pattern.Text f && isJsWhitespace(f.text().charAt(0))
                || parts.get(parts.size() - 1) instanceof Pattern.Text l && isJsWhitespace(l.text().charAt(l.text().length() - 1))) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : parts) {
            if (part instanceof Pattern.Text t) {
                sb.append(escapeUnquotedText(t.text()));
            } else if (part instanceof Pattern.AnyString) {
                sb.append('*');
            } else {
                return Optional.empty(); // KQL has no single-character wildcard
            }
        }
        return Optional.of(escapeKeywords(sb.toString()));
    }

    private static String escapeUnquotedText(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (isJsWhitespace(c) && c != ' ' && c != '\u00A0') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Escapes every whitespace-separated word that is a keyword, so it cannot be read as {@code or/and/not}. */
    private static String escapeKeywords(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && !isWordSeparator(s.charAt(i))) {
                i++;
            }
            String word = s.substring(start, i);
            if (KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                sb.append(word.charAt(0) == 'n' ? "\\u006e" + word.substring(1) : "\\" + word);
            } else {
                sb.append(word);
            }
            while (i < s.length() && isWordSeparator(s.charAt(i))) {
                sb.append(s.charAt(i++));
            }
        }
        return sb.toString();
    }

    private static boolean isWordSeparator(char c) {
        return c == ' ' || c == '\u00A0';
    }

    /** A field name as KQL spells it: bare when it lexes as one plain word, otherwise quoted. */
    public static String field(String name) {
        boolean bare = !name.isEmpty() && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))
                && name.chars().allMatch(c -> SPECIAL.indexOf(c) < 0 && !isJsWhitespace((char) c) && c > 0x20);
        return bare ? name : quote(name);
    }
}
