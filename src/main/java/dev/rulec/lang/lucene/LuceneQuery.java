package dev.rulec.lang.lucene;

import dev.rulec.ir.Pattern;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Lucene query_string query: the syntax as written, with escapes decoded and operator spellings
 * ({@code AND}/{@code &&}, {@code NOT}/{@code !}/{@code -}) folded. A field of {@link Optional#empty()} means the field of
 * the enclosing {@code field:( … )} group, or Elasticsearch's default fields at the top. Boosts are kept but mean nothing
 * for matching.
 */
public sealed interface LuceneQuery {

    /** Java 17 has no pattern {@code switch}: code over the tree stays exhaustive through the visitor. */
    <R> R accept(LuceneVisitor<R> v);

    /** How a clause is joined to the one before it; the first clause of a query has {@link #NONE}. */
    enum Conjunction { NONE, AND, OR }

    /** The clause's prefix: {@code +} (required), {@code -}, {@code NOT} or {@code !} (prohibited), or none. */
    enum Modifier { NONE, REQUIRED, PROHIBITED }

    /** One clause of a query with the operator words around it. */
    record Clause(Conjunction conjunction, Modifier modifier, LuceneQuery query) {
        public Clause {
            Objects.requireNonNull(conjunction, "conjunction is null");
            Objects.requireNonNull(modifier, "modifier is null");
            Objects.requireNonNull(query, "query is null");
            if (query instanceof Bool) {
                throw new IllegalArgumentException("a clause holds a Group, not a bare Bool");
            }
        }
    }

    /**
     * A sequence of clauses, as written. Juxtaposed clauses are joined by {@link Conjunction#OR}: with
     * Elasticsearch's default operator (OR) Lucene reads {@code a b} as {@code a OR b}. Empty only for the empty query,
     * which Elasticsearch answers with no documents.
     */
    record Bool(List<Clause> clauses) implements LuceneQuery {
        public Bool {
            clauses = List.copyOf(clauses);
            for (int i = 0; i < clauses.size(); i++) {
                if ((i == 0) != (clauses.get(i).conjunction() == Conjunction.NONE)) {
                    throw new IllegalArgumentException("exactly the first clause has no conjunction");
                }
            }
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitBool(this);
        }
    }

    /** {@code field:( … )^boost} or {@code ( … )}. */
    record Group(Optional<String> field, Bool query, Optional<BigDecimal> boost) implements LuceneQuery {
        public Group {
            requireField(field);
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(boost, "boost is null");
            if (query.clauses().isEmpty()) {
                throw new IllegalArgumentException("a group holds at least one clause");
            }
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitGroup(this);
        }
    }

    /**
     * An unquoted term: a plain value, a prefix ({@code ab*}), a wildcard pattern ({@code a?c*}), or {@code *} (on a
     * field: the field exists; alone: every document). {@code fuzzy} is {@code ~} with its edit distance, if written.
     */
    record Term(Optional<String> field, Pattern value, Optional<Fuzzy> fuzzy, Optional<BigDecimal> boost)
            implements LuceneQuery {
        public Term {
            requireField(field);
            Objects.requireNonNull(value, "value is null");
            Objects.requireNonNull(fuzzy, "fuzzy is null");
            Objects.requireNonNull(boost, "boost is null");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a term is never empty (write a Phrase of \"\")");
            }
            if (fuzzy.isEmpty() && !value.hasWildcards()) {
                String s = value.literalText().orElse("");
                if (Compare.starts(s)) {
                    throw new IllegalArgumentException("Elasticsearch reads [" + s + "] as a comparison: write a Compare");
                }
                if (boost.isEmpty() && field.filter(Exists.FIELD::equals).isPresent()) {
                    throw new IllegalArgumentException("_exists_:" + s + " is an Exists");
                }
            }
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitTerm(this);
        }
    }

    /**
     * {@code ~}, {@code ~1}, {@code ~AUTO}, {@code ~AUTO:3,6}: fuzziness as written after the {@code ~} (empty for
     * Elasticsearch's default), one Elasticsearch accepts: 0, 1 or 2 edits (also as {@code 1.0}), or {@code AUTO}.
     */
    record Fuzzy(String amount) {
        public Fuzzy {
            Objects.requireNonNull(amount, "amount is null");
        }
    }

    /** {@code "a phrase"~slop}; slop 0 is printed without {@code ~}. */
    record Phrase(Optional<String> field, String text, int slop, Optional<BigDecimal> boost) implements LuceneQuery {
        public Phrase {
            requireField(field);
            Objects.requireNonNull(text, "text is null");
            Objects.requireNonNull(boost, "boost is null");
            if (slop < 0) {
                throw new IllegalArgumentException("slop is negative: " + slop);
            }
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitPhrase(this);
        }
    }

    /** {@code /regex/}: Lucene's regular expression syntax, as written (a {@code /} inside escaped as {@code \/}). */
    record Regexp(Optional<String> field, String regex, Optional<BigDecimal> boost) implements LuceneQuery {
        public Regexp {
            requireField(field);
            Objects.requireNonNull(regex, "regex is null");
            Objects.requireNonNull(boost, "boost is null");
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitRegexp(this);
        }
    }

    /** {@code [a TO b]}, {@code {a TO b}}, mixed; an absent bound is {@code *} (open). Bounds are never empty. */
    record Range(Optional<String> field, Optional<String> lower, Optional<String> upper, boolean includeLower,
                 boolean includeUpper, Optional<BigDecimal> boost) implements LuceneQuery {
        public Range {
            requireField(field);
            Objects.requireNonNull(lower, "lower is null");
            Objects.requireNonNull(upper, "upper is null");
            Objects.requireNonNull(boost, "boost is null");
            if (lower.filter(String::isEmpty).isPresent() || upper.filter(String::isEmpty).isPresent()) {
                throw new IllegalArgumentException("a range bound is never empty");
            }
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitRange(this);
        }
    }

    /**
     * {@code field:>x}, {@code >=}, {@code <}, {@code <=}: Elasticsearch reads an unquoted term starting with
     * {@code >} or {@code <} (escaped or not) as a one-sided range.
     */
    record Compare(Optional<String> field, Op op, String value, Optional<BigDecimal> boost) implements LuceneQuery {
        public enum Op {
            GT(">"), GE(">="), LT("<"), LE("<=");

            private final String text;

            Op(String text) {
                this.text = text;
            }

            public String text() {
                return text;
            }
        }

        public Compare {
            requireField(field);
            Objects.requireNonNull(op, "op is null");
            Objects.requireNonNull(value, "value is null");
            Objects.requireNonNull(boost, "boost is null");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a comparison has a value");
            }
            if ((op == Op.GT || op == Op.LT) && value.startsWith("=") && value.length() > 1) {
                throw new IllegalArgumentException("[" + op.text() + value + "] reads as " + op.text() + "=");
            }
        }

        /** Whether Elasticsearch reads the unquoted term text {@code s} as a comparison. */
        static boolean starts(String s) {
            return s.length() > 1 && (s.charAt(0) == '>' || s.charAt(0) == '<');
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitCompare(this);
        }
    }

    /** {@code _exists_:field}: the field has a value. */
    record Exists(String field) implements LuceneQuery {
        /** The pseudo field Elasticsearch reads as an exists query. */
        public static final String FIELD = "_exists_";

        public Exists {
            Objects.requireNonNull(field, "field is null");
            if (field.isEmpty()) {
                throw new IllegalArgumentException("field is empty");
            }
        }

        public <R> R accept(LuceneVisitor<R> v) {
            return v.visitExists(this);
        }
    }

    private static void requireField(Optional<String> field) {
        Objects.requireNonNull(field, "field is null");
        if (field.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("field is empty");
        }
    }
}
