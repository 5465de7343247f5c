package dev.rulec.lang.lucene;

import dev.rulec.ir.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Backslash escapes of Lucene's query syntax, both ways and in one place: what the formatter and rulec's Lucene target
 * write, and how the parser reads terms, phrases, range bounds and field names back.
 *
 * <p>Reading follows Lucene's classic parser: {@code \} takes the next character literally, and <code>&#92;uXXXX</code> (four
 * hex digits) is that UTF-16 unit; a {@code \} at the end, or a short or non-hex <code>&#92;u</code>, is an error. Wildcard terms
 * are read as Lucene's wildcard query reads them: {@code \} takes the next character, with no <code>&#92;u</code> escapes.
 */
public final class LuceneEscapes {
    private LuceneEscapes() {
    }

    /** Characters with a meaning in query_string syntax; each is escaped with a backslash in terms and field names. */
    private static final String SPECIAL = "+-=&|><!(){}[]^\"~*?:\\/";

    /** A bad escape at {@code offset} of the text being read. */
    static final class BadEscape extends Exception {
        private final int offset;

        BadEscape(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private static boolean needsEscape(char c) {
        return SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Appends {@code s} with every special character and whitespace backslash-escaped. */
    public static void escapeInto(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsEscape(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    /** {@code s} with every special character and whitespace backslash-escaped. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        escapeInto(s, sb);
        return sb.toString();
    }

    /** A term or field name matching exactly {@code s} (not empty); the operator words are escaped too. */
    public static String term(String s) {
        if (s.equals("AND") || s.equals("OR") || s.equals("NOT") || s.equals("TO")) {
            return "\\" + s;
        }
        return escape(s);
    }

    /** A double-quoted phrase (or range bound) of {@code s}: {@code "} and {@code \} escaped. */
    public static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A double-quoted range bound. Inside {@code [ … ]} Lucene's lexer reads a quoted bound as the longest run that
     * ends in a quote, taking {@code \"} as an escaped quote; so a backslash before a quote ({@code "a\\"}) can run on
     * to a later quote in the query. Backslashes are therefore written as the escape <code>&#92;u005C</code>.
     */
    public static String rangeBound(String s) {
        return "\"" + s.replace("\\", "\\u005C").replace("\"", "\\\"") + "\"";
    }

    /** Lucene's reading of escaped text (a term, a phrase's inside, a range bound, a field name). */
    static String unescape(String raw) throws BadEscape {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= raw.length()) {
                throw new BadEscape(i, "a backslash at the end escapes nothing");
            }
            char n = raw.charAt(++i);
            if (n != 'u') {
                sb.append(n);
                continue;
            }
            if (raw.length() - (i + 1) < 4) {
                throw new BadEscape(i - 1, "the unicode escape [" + raw.substring(i - 1) + "] is shorter than \\uXXXX");
            }
            int code = 0;
            for (int k = 1; k <= 4; k++) {
                int d = Character.digit(raw.charAt(i + k), 16);
                if (d < 0) {
                    throw new BadEscape(i - 1, "the unicode escape [" + raw.substring(i - 1, i + 5)
                            + "] has a character that is not a hex digit");
                }
                code = code * 16 + d;
            }
            sb.append((char) code);
            i += 4;
        }
        return sb.toString();
    }

    /**
     * A wildcard term: unescaped {@code *} and {@code ?} are wildcards, an escaped character is literal; as Elasticsearch
     * reads it, <code>&#92;uXXXX</code> is that character and a short or non-hex one an error.
     */
    static Pattern unescapeWildcard(String raw) throws BadEscape {
        List<Pattern.Part> parts = new ArrayList<>();
        int textStart = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == '*' || raw.charAt(i) == '?') {
                if (i > textStart) {
                    parts.add(new Pattern.Text(unescapeAt(raw.substring(textStart, i), textStart)));
                }
                if (i < raw.length()) {
                    parts.add(raw.charAt(i) == '*' ? Pattern.ANY_STRING : Pattern.ANY_CHAR);
                }
                textStart = i + 1;
            } else if (raw.charAt(i) == '\\') {
                i += Math.min(raw.startsWith("u", i + 1) ? 5 : 1, raw.length() - i - 1);
            }
        }
        return new Pattern(parts);
    }

    private static String unescapeAt(String raw, int offset) throws BadEscape {
        try {
            return unescape(raw);
        } catch (BadEscape e) {
            throw new BadEscape(offset + e.offset(), e.getMessage());
        }
    }
}
