package dev.rulec.target.lucene;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Pattern;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.regex.CaseFold;

import java.util.ArrayList;
import java.util.List;

/**
 * query_string terms for the keys of a {@code flattened} field, as Elasticsearch 8.19 runs them (checked on the node,
 * {@code SigmaDifferentialIT}): a key's values are keywords and keyed term, prefix, range and exists queries see only
 * that key, but a keyed regexp finds nothing and a wildcard query with a leading or inner wildcard is run against the
 * values of every key of the field. Case-insensitivity therefore cannot use regexp classes: a value is written as
 * every spelling the matcher's folding ({@link CaseFold}) treats as equal, OR-ed, up to {@link #MAX_SPELLINGS}.
 */
public final class FlattenedKeys {
    private FlattenedKeys() {
    }

    /** Spellings of one case-insensitive value at most; "userData" has 256. Longer values are refused. */
    static final int MAX_SPELLINGS = 256;

    /** Whether the field is a key inside a {@code flattened} field (pipelines give such keys the type {@code flattened}). */
    public static boolean isKey(FieldTypes types, String field) {
        return types.typeOf(field).filter("flattened"::equals).isPresent();
    }

    /** A match that cannot be written for a flattened key, with the reason. */
    public static final class Refused extends Exception {
        private final String hint;

        Refused(String why, String hint) {
            super(why, null, false, false);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /** One value a key must equal, or start with ({@code prefix}). */
    public record Term(String text, boolean prefix) {
        /** The term as a pattern: the text, then {@code *} for a prefix. */
        public Pattern pattern() {
            List<Pattern.Part> parts = new ArrayList<>(Pattern.literal(text).parts());
            if (prefix) {
                parts.add(Pattern.ANY_STRING);
            }
            return Pattern.of(parts.toArray(Pattern.Part[]::new));
        }
    }

    /**
     * The terms a string pattern on a key amounts to, OR-ed: one per spelling, each a whole value or, when the
     * pattern's only wildcard is a trailing {@code *}, a prefix. Any other wildcard is refused.
     */
    public static List<Term> terms(Pattern p, CaseMode mode) throws Refused {
        List<Pattern.Part> parts = p.parts();
        boolean prefix = !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Pattern.AnyString;
        List<Pattern.Part> head = prefix ? parts.subList(0, parts.size() - 1) : parts;
        StringBuilder text = new StringBuilder();
        for (Pattern.Part part : head) {
            if (!(part instanceof Pattern.Text t)) {
                throw new Refused("Elasticsearch matches a wildcard other than a trailing * against the values of"
                        + " every key of a flattened field", "match the whole value, or a prefix ending in *");
            }
            text.append(t.text());
        }
        List<String> spellings = mode == CaseMode.INSENSITIVE ? spellings(text.toString()) : List.of(text.toString());
        return spellings.stream().map(s -> new Term(s, prefix)).toList();
    }

    /** The query_string term(s) after {@code field:} for a string pattern ({@link #terms}). */
    static String pattern(Pattern p, CaseMode mode) throws Refused {
        List<String> terms = new ArrayList<>();
        for (Term t : terms(p, mode)) {
            terms.add(t.prefix() ? LuceneQuoting.wildcard(t.pattern()) : LuceneQuoting.quoted(t.text()));
        }
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" OR ", terms) + ")";
    }

    /** Every string equal to {@code s} ignoring case, {@code s}'s own spelling among them. */
    static List<String> spellings(String s) throws Refused {
        List<StringBuilder> out = new ArrayList<>(List.of(new StringBuilder()));
        int[] cps = s.codePoints().toArray();
        for (int cp : cps) {
            int[] vs = CaseFold.variants(cp);
            if ((long) out.size() * vs.length > MAX_SPELLINGS) {
                throw new Refused("matching one case-insensitively means listing every spelling of the value, and ["
                        + s + "] has more than " + MAX_SPELLINGS, "match it case-sensitively with the cased modifier");
            }
            List<StringBuilder> next = new ArrayList<>(out.size() * vs.length);
            for (StringBuilder b : out) {
                for (int v : vs) {
                    next.add(new StringBuilder(b).appendCodePoint(v));
                }
            }
            out = next;
        }
        return out.stream().map(StringBuilder::toString).toList();
    }
}
