package dev.rulec.ir.match;

/**
 * Name globbing where {@code *} matches any run of characters and every other character itself (index patterns,
 * ES|QL column patterns). Greedy matching with one backtrack point (the last {@code *}): never exponential, where a
 * regular expression or trying every split for every {@code *} blew up on patterns such as {@code ****…*!} (found by
 * fuzzing, twice).
 */
public final class Glob {
    private Glob() {
    }

    public static boolean matches(String pattern, String s) {
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (pi < pattern.length() && pattern.charAt(pi) == s.charAt(si)) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == pattern.length();
    }
}
