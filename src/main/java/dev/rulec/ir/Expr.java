package dev.rulec.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one intermediate representation: an immutable boolean tree of field predicates.
 * Sigma detections and parsed KQL both become an {@code Expr}; every target is a renderer over it.
 *
 * <p>Field predicates are two-valued: a predicate on a field the event lacks is false, and {@code Not} of it is true
 * (Sigma's and KQL's semantics). Targets with three-valued logic (ES|QL) must render accordingly.
 */
public sealed interface Expr {

    /**
     * Java 17 has no pattern {@code switch}: the visitor is how code over the tree stays exhaustive —
     * a new node type breaks every renderer at compile time instead of falling into a default branch.
     */
    <R> R accept(ExprVisitor<R> v);

    /** Every term holds. At least two terms; nested {@code And}s are flattened. */
    record And(List<Expr> terms) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitAnd(this);
        }

        public And {
            terms = flatten(terms, And.class);
        }
    }

    /** At least one term holds. At least two terms; nested {@code Or}s are flattened. */
    record Or(List<Expr> terms) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitOr(this);
        }

        public Or {
            terms = flatten(terms, Or.class);
        }
    }

    record Not(Expr term) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNot(this);
        }

        public Not {
            Objects.requireNonNull(term, "term is null");
        }
    }

    /** Always true or always false, e.g. an empty value list. Removed by the simplifier where possible. */
    record Const(boolean value) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitConst(this);
        }

    }

    /** The field (or, for a multi-valued field, one of its values) equals the value; wildcards per the pattern. */
    record Match(String field, Literal value, CaseMode caseMode) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitMatch(this);
        }

        public Match {
            requireField(field);
            Objects.requireNonNull(value, "value is null");
            Objects.requireNonNull(caseMode, "caseMode is null");
        }
    }

    /** The field is present with a non-null value. */
    record Exists(String field) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitExists(this);
        }

        public Exists {
            requireField(field);
        }
    }

    /** A comparison with a lower and/or an upper bound (numbers, or date/keyword strings compared as such). */
    record Range(String field, Optional<Bound> lower, Optional<Bound> upper) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitRange(this);
        }

        public Range {
            requireField(field);
            Objects.requireNonNull(lower, "lower is null");
            Objects.requireNonNull(upper, "upper is null");
            if (lower.isEmpty() && upper.isEmpty()) {
                throw new IllegalArgumentException("range without bounds on " + field);
            }
        }
    }

    record Bound(Literal value, boolean inclusive) {
        public Bound {
            Objects.requireNonNull(value, "value is null");
        }
    }

    /** The field holds an IP address inside the CIDR block (IPv4 or IPv6). */
    record Cidr(String field, String cidr) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitCidr(this);
        }

        public Cidr {
            requireField(field);
            Objects.requireNonNull(cidr, "cidr is null");
        }
    }

    /**
     * The field matches a regular expression, unanchored as in Sigma (PCRE-like syntax).
     * Each target translates it into its own dialect or reports why it cannot.
     */
    record Regex(String field, String regex, Set<RegexFlag> flags) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitRegex(this);
        }

        public Regex {
            requireField(field);
            Objects.requireNonNull(regex, "regex is null");
            flags = Set.copyOf(flags);
        }
    }

    enum RegexFlag { IGNORE_CASE, MULTILINE, DOT_ALL }

    /** The field's value compared with another field's value of the same event. */
    record FieldRef(String field, String otherField, FieldRefKind kind, CaseMode caseMode) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitFieldRef(this);
        }

        public FieldRef {
            requireField(field);
            requireField(otherField);
            Objects.requireNonNull(kind, "kind is null");
            Objects.requireNonNull(caseMode, "caseMode is null");
        }
    }

    enum FieldRefKind { EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS }

    /** A search for a value in any field (Sigma keywords, bare KQL terms). */
    record Keyword(Pattern value, CaseMode caseMode) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitKeyword(this);
        }

        public Keyword {
            Objects.requireNonNull(value, "value is null");
            Objects.requireNonNull(caseMode, "caseMode is null");
        }
    }

    /** The inner expression holds for one element of the nested (array of objects) field at {@code path}. */
    record Nested(String path, Expr term) implements Expr {
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNested(this);
        }

        public Nested {
            requireField(path);
            Objects.requireNonNull(term, "term is null");
        }
    }

    static Expr and(Expr... terms) {
        return terms.length == 1 ? terms[0] : new And(List.of(terms));
    }

    static Expr or(Expr... terms) {
        return terms.length == 1 ? terms[0] : new Or(List.of(terms));
    }

    /** And of a list: {@code TRUE} for none, the term itself for one. */
    static Expr allOf(List<Expr> terms) {
        return terms.isEmpty() ? new Const(true) : terms.size() == 1 ? terms.get(0) : new And(terms);
    }

    /** Or of a list: {@code FALSE} for none, the term itself for one. */
    static Expr anyOf(List<Expr> terms) {
        return terms.isEmpty() ? new Const(false) : terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    static Expr not(Expr e) {
        return new Not(e);
    }

    private static void requireField(String f) {
        Objects.requireNonNull(f, "field is null");
        if (f.isEmpty()) {
            throw new IllegalArgumentException("empty field name");
        }
    }

    private static List<Expr> flatten(List<Expr> terms, Class<? extends Expr> kind) {
        List<Expr> out = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            Objects.requireNonNull(t, "term is null");
            if (kind.isInstance(t)) {
                out.addAll(t instanceof And a ? a.terms() : ((Or) t).terms());
            } else {
                out.add(t);
            }
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException("expected at least 2 terms, got " + out.size());
        }
        return List.copyOf(out);
    }
}
