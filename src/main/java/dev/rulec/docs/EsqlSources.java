package dev.rulec.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The index patterns of an ES|QL query's leading {@code FROM} command ({@code FROM a-*, "b" METADATA _id | ...}).
 * A small scanner, enough for a page; the ES|QL parser in {@code lang.esql} is the authority on the query itself.
 */
final class EsqlSources {
    private EsqlSources() {
    }

    static List<String> of(String query) {
        int i = skipSpaceAndComments(query, 0);
        if (!query.regionMatches(true, i, "from", 0, 4) || i + 4 >= query.length()
                || !Character.isWhitespace(query.charAt(i + 4))) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        i += 4;
        while (true) {
            i = skipSpaceAndComments(query, i);
            if (i >= query.length()) {
                return out;
            }
            int start = i;
            String source;
            if (query.charAt(i) == '"') {
                int end = query.indexOf('"', i + 1);
                if (end < 0) {
                    return out;
                }
                source = query.substring(i + 1, end);
                i = end + 1;
            } else {
                while (i < query.length() && !Character.isWhitespace(query.charAt(i))
                        && query.charAt(i) != ',' && query.charAt(i) != '|') {
                    i++;
                }
                source = query.substring(start, i);
            }
            if (source.isEmpty()) {
                return out;
            }
            out.add(source);
            i = skipSpaceAndComments(query, i);
            if (i >= query.length() || query.charAt(i) != ',') {
                return out;
            }
            i++;
        }
    }

    private static int skipSpaceAndComments(String q, int i) {
        while (i < q.length()) {
            if (Character.isWhitespace(q.charAt(i))) {
                i++;
            } else if (q.startsWith("//", i)) {
                int nl = q.indexOf('\n', i);
                i = nl < 0 ? q.length() : nl + 1;
            } else if (q.startsWith("/*", i)) {
                int end = q.indexOf("*/", i + 2);
                i = end < 0 ? q.length() : end + 2;
            } else {
                return i;
            }
        }
        return i;
    }
}
