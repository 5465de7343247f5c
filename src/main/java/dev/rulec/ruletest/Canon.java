package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A canonical text of a JSON value for comparing results: numbers by value ({@code 1} = {@code 1.0}), multi-values
 * as sorted sets (Elasticsearch does not promise an order), a one-element list equal to its element.
 */
public final class Canon {
    private Canon() {
    }

    public static String of(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "null";
        }
        if (n.isNumber()) {
            return n.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> parts.add(of(x)));
            parts.sort(String::compareTo);
            List<String> distinct = parts.stream().distinct().toList();
            if (distinct.size() == 1) {
                return distinct.get(0);
            }
            return distinct.isEmpty() ? "null" : distinct.toString();
        }
        if (n.isTextual()) {
            return "\"" + n.textValue() + "\"";
        }
        return n.toString();
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return of(a).equals(of(b));
    }
}
