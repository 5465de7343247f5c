package dev.rulec.target.esql;

import dev.rulec.ir.Pattern;

import java.util.Set;
import java.util.regex.Matcher;

/** ES|QL spelling of string literals, identifiers and LIKE patterns, with the escape sets in one place. */
public final class EsqlQuoting {
    private EsqlQuoting() {
    }

    /** Words the ES|QL lexer reserves inside expressions; an identifier segment spelled like one is quoted. */
    private static final Set<String> KEYWORDS = Set.of("and", "as", "asc", "by", "desc", "false", "first", "from",
            "in", "is", "last", "like", "limit", "match", "metadata", "not", "null", "nulls", "on", "or", "rlike",
            "true", "where", "with");

    private static final java.util.regex.Pattern PLAIN_SEGMENT =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*|[_@][A-Za-z0-9_]+");
    private static final java.util.regex.Pattern PLAIN_INDEX = java.util.regex.Pattern.compile("[A-Za-z0-9_.*:\\-]+");

    /**
     * A double-quoted string literal: backslash and double quote escaped, newline, carriage return and tab
     * written as {@code \n}, {@code \r}, {@code \t} (the lexer accepts no raw line breaks); everything else verbatim.
     */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A field name: dotted plain segments stay as they are, anything else is back-quoted (back-quotes doubled). */
    public static String identifier(String field) {
        boolean plain = true;
        for (String seg : field.split("\\.", -1)) {
            if (!PLAIN_SEGMENT.matcher(seg).matches() || KEYWORDS.contains(seg.toLowerCase(java.util.Locale.ROOT))) {
                plain = false;
                break;
            }
        }
        return plain ? field : "`" + field.replace("`", "``") + "`";
    }

    /** An index pattern for FROM: as it is when made of plain characters, else a quoted string. */
    public static String index(String index) {
        Matcher m = PLAIN_INDEX.matcher(index);
        return m.matches() ? index : string(index);
    }

    /**
     * The text of a LIKE pattern (before string quoting): {@code *} and {@code ?} for the wildcards, and
     * {@code * ? \} of the literal text escaped with a backslash.
     */
    public static String likePattern(Pattern p) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                for (int i = 0; i < t.text().length(); i++) {
                    char c = t.text().charAt(i);
                    if (c == '*' || c == '?' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(part instanceof Pattern.AnyString ? '*' : '?');
            }
        }
        return sb.toString();
    }
}
