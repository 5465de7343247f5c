package dev.rulec.source.sigma.detection;

import dev.rulec.ir.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Sigma string values → {@link Pattern}: {@code *} and {@code ?} are wildcards; a backslash escapes {@code *},
 * {@code ?} and itself; a backslash before any other character is a literal backslash (specification v2.1,
 * "Escaping").
 */
public final class SigmaStrings {
    private SigmaStrings() {
    }

    public static Pattern parse(String s) {
        List<Pattern.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && isSpecial(s.charAt(i + 1))) {
                text.append(s.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(text, parts);
                parts.add(c == '*' ? Pattern.ANY_STRING : Pattern.ANY_CHAR);
            } else {
                text.append(c);
            }
        }
        flush(text, parts);
        return new Pattern(parts);
    }

    private static boolean isSpecial(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    private static void flush(StringBuilder text, List<Pattern.Part> parts) {
        if (text.length() > 0) {
            parts.add(new Pattern.Text(text.toString()));
            text.setLength(0);
        }
    }

    /** Whether the pattern starts and ends with {@code *} (a contains-style match). */
    public static boolean isContainsLike(Pattern p) {
        List<Pattern.Part> parts = p.parts();
        return !parts.isEmpty() && parts.get(0) instanceof Pattern.AnyString
                && parts.get(parts.size() - 1) instanceof Pattern.AnyString;
    }
}
