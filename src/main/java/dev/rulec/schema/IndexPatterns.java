package dev.rulec.schema;

/** Elasticsearch index-pattern matching: {@code *} matches any run of characters; a {@code cluster:} prefix is ignored. */
public final class IndexPatterns {
    private IndexPatterns() {
    }

    public static boolean matches(String pattern, String index) {
        String p = pattern.trim();
        int colon = p.indexOf(':');
        if (colon >= 0) {
            p = p.substring(colon + 1);
        }
        return glob(p, index);
    }

    /**
     * Greedy matching with one backtrack point (the last {@code *}): linear in practice and never exponential, where
     * trying every split for every {@code *} blew up on patterns such as {@code ****…*!} (found by fuzzing).
     */
    private static boolean glob(String p, String s) {
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (pi < p.length() && p.charAt(pi) == s.charAt(si)) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
