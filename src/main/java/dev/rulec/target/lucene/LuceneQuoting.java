package dev.rulec.target.lucene;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.lucene.LuceneEscapes;
import dev.rulec.target.regex.CaseFold;
import dev.rulec.target.regex.LuceneRegex;

/** Lucene query_string spelling of terms, wildcard terms, field names, regexps and range values. */
public final class LuceneQuoting {
    private LuceneQuoting() {
    }

    private static void escapeInto(String s, StringBuilder sb) {
        LuceneEscapes.escapeInto(s, sb);
    }

    /** A term matching exactly {@code s}; {@code ""} for the empty string; operator words are escaped too. */
    public static String term(String s) {
        return s.isEmpty() ? "\"\"" : LuceneEscapes.term(s);
    }

    /**
     * A wildcard term: literal text escaped, {@code *} and {@code ?} for the pattern's wildcards. Without wildcards,
     * a quoted phrase: Elasticsearch reads an unquoted term starting with {@code <} or {@code >} as a one-sided range
     * even when escaped ({@code f:\\<x} means {@code f < "x"}), and a phrase is one term on a keyword field.
     */
    public static String wildcard(Pattern p) {
        if (!p.hasWildcards()) {
            return quoted(p.literalText().orElse(""));
        }
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                escapeInto(t.text(), sb);
            } else {
                sb.append(part instanceof Pattern.AnyString ? '*' : '?');
            }
        }
        return sb.toString();
    }

    /** A field name, special characters and operator words escaped (dots are path separators and stay). */
    public static String field(String f) {
        return LuceneEscapes.term(f);
    }

    /** A regexp term; the translated regexp escapes every {@code /}, so it cannot end the term early. */
    public static String regex(String luceneRegex) {
        return "/" + luceneRegex + "/";
    }

    /** A pattern as a query term: wildcards, or {@code [aA]} regexp classes when case-insensitive letters need them. */
    public static String pattern(Pattern p, CaseMode mode) {
        boolean fold = mode == CaseMode.INSENSITIVE && p.parts().stream()
                .anyMatch(part -> part instanceof Pattern.Text t && CaseFold.hasCase(t.text()));
        return fold ? regex(LuceneRegex.caseInsensitive(p)) : wildcard(p);
    }

    /** The field-less query for a keyword search (also run by ES|QL's QSTR). */
    public static String keywordQuery(Pattern p, CaseMode mode) {
        return pattern(p, mode);
    }

    /** A range endpoint: numbers as they are, strings as {@link LuceneEscapes#rangeBound} quotes them. */
    public static String rangeValue(Literal v) {
        if (v instanceof Literal.Num n) {
            return n.text().startsWith("-") ? "\\" + n.text() : n.text();
        }
        String s = v instanceof Literal.Str str ? str.pattern().literalText().orElse("") : Boolean.toString(((Literal.Bool) v).value());
        return LuceneEscapes.rangeBound(s);
    }

    /** A double-quoted phrase (for CIDR blocks, whose {@code /} and IPv6 colons must not be read as syntax). */
    public static String quoted(String s) {
        return LuceneEscapes.quoted(s);
    }
}
