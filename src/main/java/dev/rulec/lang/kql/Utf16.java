package dev.rulec.lang.kql;

/** ANTLR's char streams count code points; Java strings count UTF-16 units. Converts the former to the latter. */
final class Utf16 {
    private final int length;
    /** UTF-16 index of each code point; empty when the text has no supplementary characters (indices agree). */
    private final int[] starts;

    Utf16(String text) {
        this.length = text.length();
        int cps = text.codePointCount(0, length);
        if (cps == length) {
            this.starts = new int[0];
        } else {
            this.starts = new int[cps];
            for (int i = 0, cp = 0; i < length; i += Character.charCount(text.codePointAt(i)), cp++) {
                starts[cp] = i;
            }
        }
    }

    /** The UTF-16 index of code point {@code codePoint} (the text's length at or past its end). */
    int index(int codePoint) {
        if (codePoint <= 0) {
            return 0;
        }
        if (starts.length == 0) {
            return Math.min(codePoint, length);
        }
        return codePoint >= starts.length ? length : starts[codePoint];
    }
}
