package dev.rulec.lang.kql;

import java.util.ArrayList;
import java.util.List;

/**
 * The words Elasticsearch's standard analyzer makes of a value — Unicode word segmentation (UAX #29) as Lucene's
 * StandardTokenizer applies it, for the cases detection rules meet: runs of letters, digits and {@code _}; a
 * {@code : . '} between two letters and a {@code . , ;} or {@code '} between two digits stay inside the word; each
 * ideograph is a word of its own; everything else separates. Case is left as written (the analyzer lower-cases both
 * the value and the field's text).
 */
final class KqlWords {
    private KqlWords() {
    }

    static List<String> of(String s) {
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (isIdeograph(c)) {
                flush(word, out);
                out.add(new String(Character.toChars(c)));
            } else if (isWordChar(c)) {
                word.appendCodePoint(c);
            } else if (word.length() > 0 && i + 1 < cps.length && joins(cps[i - 1], c, cps[i + 1])) {
                word.appendCodePoint(c);
            } else {
                flush(word, out);
            }
        }
        flush(word, out);
        return out;
    }

    private static boolean joins(int before, int sep, int after) {
        boolean letters = Character.isLetter(before) && Character.isLetter(after) && !isIdeograph(after);
        boolean digits = Character.isDigit(before) && Character.isDigit(after);
        return letters && (sep == ':' || sep == '.' || sep == '\'' || sep == '\u00B7' || sep == '\u2019')
                || digits && (sep == '.' || sep == ',' || sep == ';' || sep == '\'');
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isIdeograph(int c) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(c);
        return Character.isIdeographic(c) || sc == Character.UnicodeScript.HIRAGANA;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }
}
