package dev.rulec.ir.match;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

/**
 * A dotted field name resolved against a JSON event the way Elasticsearch maps it: {@code a.b.c} is found under
 * nested objects ({@code {"a":{"b":{"c":…}}}}), flat dotted keys ({@code {"a.b.c":…}}) and every mix of both.
 * Arrays anywhere on the path are searched element by element; JSON {@code null} counts as absent.
 */
final class FieldPath {

    private final int n;
    /** {@code keys[i][j]}: the segments {@code i..j-1} joined with dots. */
    private final String[][] keys;

    FieldPath(String field) {
        String[] seg = field.split("\\.", -1);
        n = seg.length;
        keys = new String[n][n + 1];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i + 1; j <= n; j++) {
                if (j > i + 1) {
                    sb.append('.');
                }
                sb.append(seg[j - 1]);
                keys[i][j] = sb.toString();
            }
        }
    }

    /** Whether some non-null scalar or object value at this path satisfies {@code p}. */
    boolean anyValue(JsonNode root, Predicate<JsonNode> p) {
        return any(root, 0, p);
    }

    private boolean any(JsonNode node, int start, Predicate<JsonNode> p) {
        if (node.isArray()) {
            for (JsonNode el : node) {
                if (any(el, start, p)) {
                    return true;
                }
            }
            return false;
        }
        if (!node.isObject()) {
            return false;
        }
        String[] row = keys[start];
        for (int end = start + 1; end <= n; end++) {
            JsonNode child = node.get(row[end]);
            if (child == null) {
                continue;
            }
            if (end == n ? leaf(child, p) : any(child, end, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean leaf(JsonNode v, Predicate<JsonNode> p) {
        if (v.isArray()) {
            for (JsonNode el : v) {
                if (leaf(el, p)) {
                    return true;
                }
            }
            return false;
        }
        return !v.isNull() && !v.isMissingNode() && p.test(v);
    }
}
