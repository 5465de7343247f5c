package dev.rulec.schema;

import dev.rulec.ir.match.Glob;

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
        return Glob.matches(p, index);
    }
}
