package dev.rulec.ir.match;

/**
 * Whole-value wildcard matching, greedy with one backtrack point (the last {@code *}): at most pattern × value steps,
 * where a regular expression with a {@code .*} per star, or trying every split for every star, blew up on patterns
 * such as {@code ****…*!} (found by fuzzing, twice). Used for index patterns and ES|QL column patterns ({@code *}
 * only) and for the matcher's wildcard values ({@link TextMatcher}: {@code *} and {@code ?} over code points).
 */
public final class Glob {
    private Glob() {
    }

    /** A token matching any run of code points. */
    static final int ANY_STRING = -1;
    /** A token matching one code point. */
    static final int ANY_CHAR = -2;

    /** {@code *} matches any run of characters; every other character (including {@code ?}) matches itself. */
    public static boolean matches(String pattern, String s) {
        return matches(pattern.codePoints().map(c -> c == '*' ? ANY_STRING : c).toArray(), s.codePoints().toArray());
    }

    /** Code points against a pattern of code points, {@link #ANY_STRING} and {@link #ANY_CHAR}. */
    static boolean matches(int[] p, int[] s) {
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length) {
            if (pi < p.length && p[pi] == ANY_STRING) {
                star = pi++;
                mark = si;
            } else if (pi < p.length && (p[pi] == ANY_CHAR || p[pi] == s[si])) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == ANY_STRING) {
            pi++;
        }
        return pi == p.length;
    }
}
