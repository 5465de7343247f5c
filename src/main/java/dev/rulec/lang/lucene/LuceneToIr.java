package dev.rulec.lang.lucene;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.lucene.LuceneOccurs.Occur;
import dev.rulec.target.FieldTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Lucene query as the IR, where the meaning is exact without the index's analysis: terms, phrases, wildcards, ranges
 * and comparisons on keyword fields (and on keys of {@code flattened} fields, typed {@code flattened}), numbers and
 * ranges on numeric fields, exists anywhere; boosts are ignored. What depends on analysis or on the whole mapping is
 * refused with the reason: text fields, fuzziness, field-less terms, field patterns, and regular expressions beyond
 * the part of Lucene's syntax that means the same in Java ({@link LuceneRegexp}). Fields of unknown type are keywords
 * (how rulec's test index maps strings outside its schema).
 *
 * <p>Boolean structure follows {@link LuceneOccurs}; a query with only prohibited clauses matches every other document
 * (Elasticsearch adds a match-all clause), and the empty query matches none.
 */
public final class LuceneToIr {
    private LuceneToIr() {
    }

    /** A construct whose meaning rulec cannot give exactly, with the reason. */
    public static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private static final Set<String> KEYWORD = Set.of("keyword", "constant_keyword", "wildcard");
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float", "unsigned_long");

    public static Expr convert(LuceneQuery.Bool q, FieldTypes types) throws Refused {
        return new Converter(types).bool(q, Optional.empty());
    }

    private static final class Converter {
        private final FieldTypes types;

        Converter(FieldTypes types) {
            this.types = types;
        }

        Expr bool(LuceneQuery.Bool q, Optional<String> field) throws Refused {
            if (q.clauses().size() == 1 && q.clauses().get(0).modifier() == LuceneQuery.Modifier.NONE) {
                return node(q.clauses().get(0).query(), field);
            }
            List<Occur> occurs = LuceneOccurs.of(q.clauses());
            List<Expr> must = new ArrayList<>();
            List<Expr> should = new ArrayList<>();
            List<Expr> mustNot = new ArrayList<>();
            for (int i = 0; i < occurs.size(); i++) {
                Expr e = node(q.clauses().get(i).query(), field);
                (occurs.get(i) == Occur.MUST ? must : occurs.get(i) == Occur.SHOULD ? should : mustNot).add(e);
            }
            if (must.isEmpty() && should.isEmpty()) {
                return mustNot.isEmpty() ? new Expr.Const(false) : Expr.not(Expr.anyOf(mustNot));
            }
            // With a required clause the optional ones only score; without, one of them must match.
            List<Expr> all = new ArrayList<>(must.isEmpty() ? List.of(Expr.anyOf(should)) : must);
            if (!mustNot.isEmpty()) {
                all.add(Expr.not(Expr.anyOf(mustNot)));
            }
            return Expr.allOf(all);
        }

        Expr node(LuceneQuery q, Optional<String> inherited) throws Refused {
            if (q instanceof LuceneQuery.Group g) {
                return bool(g.query(), g.field().or(() -> inherited));
            }
            if (q instanceof LuceneQuery.Exists e) {
                return new Expr.Exists(plainField(e.field()));
            }
            if (q instanceof LuceneQuery.Term t) {
                return term(t, t.field().or(() -> inherited));
            }
            if (q instanceof LuceneQuery.Phrase p) {
                String f = field(p.field().or(() -> inherited));
                return value(f, kind(f), p.text());
            }
            if (q instanceof LuceneQuery.Range r) {
                String f = field(r.field().or(() -> inherited));
                return range(f, r.lower().map(v -> new Bound(v, r.includeLower())),
                        r.upper().map(v -> new Bound(v, r.includeUpper())));
            }
            if (q instanceof LuceneQuery.Compare c) {
                String f = field(c.field().or(() -> inherited));
                Optional<Bound> b = Optional.of(new Bound(c.value(), c.op() == LuceneQuery.Compare.Op.GE
                        || c.op() == LuceneQuery.Compare.Op.LE));
                boolean lower = c.op() == LuceneQuery.Compare.Op.GT || c.op() == LuceneQuery.Compare.Op.GE;
                return range(f, lower ? b : Optional.empty(), lower ? Optional.empty() : b);
            }
            LuceneQuery.Regexp r = (LuceneQuery.Regexp) q;
            String f = field(r.field().or(() -> inherited));
            if (kind(f) == Kind.FLATTENED_KEY) {
                return new Expr.Const(false); // Elasticsearch runs no regexp on a key: it finds nothing
            }
            if (kind(f) == Kind.NUMERIC) {
                throw new Refused("a regular expression on the numeric field [" + f + "]");
            }
            try {
                // Lucene matches the whole value, and its . matches any character.
                return new Expr.Regex(f, "\\A(?:" + LuceneRegexp.toJava(r.regex()) + ")\\z", EnumSet.of(Expr.RegexFlag.DOT_ALL));
            } catch (LuceneRegexp.Unsupported e) {
                throw new Refused("the regular expression /" + r.regex() + "/ on [" + f + "]: " + e.getMessage());
            }
        }

        private Expr term(LuceneQuery.Term t, Optional<String> maybeField) throws Refused {
            if (t.fuzzy().isPresent()) {
                throw new Refused("fuzzy matching (~) depends on edit distances rulec does not compute");
            }
            if (maybeField.filter("*"::equals).isPresent() && t.value().isMatchAll()) {
                return new Expr.Const(true); // *:*
            }
            String f = field(maybeField);
            if (t.value().isMatchAll()) {
                return new Expr.Exists(f);
            }
            Kind k = kind(f);
            Optional<String> plain = t.value().literalText();
            if (plain.isPresent()) {
                return value(f, k, plain.get());
            }
            if (k == Kind.NUMERIC) {
                throw new Refused("a wildcard on the numeric field [" + f + "]");
            }
            List<Pattern.Part> parts = t.value().parts();
            boolean trailingStarOnly = parts.subList(0, parts.size() - 1).stream().allMatch(p -> p instanceof Pattern.Text)
                    && parts.get(parts.size() - 1) instanceof Pattern.AnyString;
            if (k == Kind.FLATTENED_KEY && !trailingStarOnly) {
                throw new Refused("Elasticsearch matches a wildcard other than a trailing * on [" + f
                        + "] against the values of every key of the flattened field");
            }
            return new Expr.Match(f, new Literal.Str(t.value()), CaseMode.SENSITIVE);
        }

        private Expr value(String f, Kind k, String text) throws Refused {
            if (k == Kind.NUMERIC) {
                return new Expr.Match(f, new Literal.Num(number(f, text)), CaseMode.SENSITIVE);
            }
            return new Expr.Match(f, Literal.string(text), CaseMode.SENSITIVE);
        }

        private record Bound(String text, boolean inclusive) {
        }

        private Expr range(String f, Optional<Bound> lo, Optional<Bound> hi) throws Refused {
            Kind k = kind(f);
            if (k == Kind.FLATTENED_KEY) {
                throw new Refused("a range on [" + f + "], a key of a flattened field");
            }
            return new Expr.Range(f, bound(f, k, lo), bound(f, k, hi));
        }

        private Optional<Expr.Bound> bound(String f, Kind k, Optional<Bound> b) throws Refused {
            if (b.isEmpty()) {
                return Optional.empty();
            }
            Literal v = k == Kind.NUMERIC ? new Literal.Num(number(f, b.get().text())) : Literal.string(b.get().text());
            return Optional.of(new Expr.Bound(v, b.get().inclusive()));
        }

        private static BigDecimal number(String f, String text) throws Refused {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new Refused("[" + text + "] is no number for the numeric field [" + f + "]");
            }
        }

        private enum Kind { KEYWORD, NUMERIC, FLATTENED_KEY }

        private Kind kind(String f) throws Refused {
            Optional<String> type = types.typeOf(f);
            if (type.isEmpty() || KEYWORD.contains(type.get())) {
                return Kind.KEYWORD;
            }
            if (type.get().equals("flattened")) {
                return Kind.FLATTENED_KEY;
            }
            if (NUMERIC.contains(type.get())) {
                return Kind.NUMERIC;
            }
            throw new Refused("[" + f + "] is mapped as " + type.get() + ", where the query's meaning depends on "
                    + (type.get().contains("text") ? "the field's analysis" : "the field type"));
        }

        private static String field(Optional<String> f) throws Refused {
            if (f.isEmpty()) {
                throw new Refused("a term without a field searches every field of the index");
            }
            return plainField(f.get());
        }

        private static String plainField(String f) throws Refused {
            if (f.indexOf('*') >= 0) {
                throw new Refused("the field pattern [" + f + "] stands for the index's fields that match it");
            }
            return f;
        }
    }
}
