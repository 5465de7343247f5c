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
        return glob(p, 0, index, 0);
    }

    private static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
