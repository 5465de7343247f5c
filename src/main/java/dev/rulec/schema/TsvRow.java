package dev.rulec.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** One schema table row: {@code field<TAB>type[<TAB>sub:type,sub:type]}. */
final class TsvRow {
    private TsvRow() {
    }

    /** @throws IllegalArgumentException with a message for the user when the row is malformed */
    static FieldInfo parse(String line) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
            throw new IllegalArgumentException("expected `field<TAB>type[<TAB>multi-fields]`");
        }
        Map<String, String> multi = new LinkedHashMap<>();
        if (cols.length > 2 && !cols[2].isBlank()) {
            for (String part : cols[2].split(",")) {
                int colon = part.indexOf(':');
                if (colon <= 0 || colon == part.length() - 1) {
                    throw new IllegalArgumentException("multi-field `" + part + "` is not `name:type`");
                }
                multi.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
            }
        }
        return new FieldInfo(cols[0].trim(), cols[1].trim(), multi);
    }
}
