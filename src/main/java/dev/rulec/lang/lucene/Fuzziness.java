package dev.rulec.lang.lucene;

import java.util.Locale;

/**
 * The fuzziness Elasticsearch accepts after a term's {@code ~} (it reads the text with {@code Fuzziness.fromString}):
 * {@code AUTO} or {@code AUTO:low,high} in any case, or 0, 1 or 2 edits, also written as a float ({@code 1.0}).
 */
final class Fuzziness {
    private Fuzziness() {
    }

    static boolean valid(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.equals("AUTO")) {
            return true;
        }
        if (upper.startsWith("AUTO:")) {
            String[] bounds = upper.substring(5).split(",", -1);
            return bounds.length == 2 && bounds[0].matches("[0-9]{1,9}") && bounds[1].matches("[0-9]{1,9}")
                    && Integer.parseInt(bounds[0]) <= Integer.parseInt(bounds[1]);
        }
        try {
            float f = Float.parseFloat(s);
            return f == 0f || f == 1f || f == 2f;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
