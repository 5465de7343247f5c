package dev.rulec.target.kql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.kql.KqlQuoting;
import dev.rulec.target.RenderContext;
import dev.rulec.target.RenderedQuery;
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;
import dev.rulec.target.lucene.FlattenedKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * IR → KQL text ({@code language: kuery}). Values without wildcards are quoted (a phrase on text fields, the exact
 * value on keyword fields); values with wildcards are unquoted with every special character escaped. Every {@code or}
 * inside an {@code and}, every {@code and} inside an {@code or} and every compound under {@code not} is parenthesized.
 *
 * <p>KQL compares keyword fields case-sensitively. A case-insensitive match (Sigma's default) is rendered plainly
 * where the case cannot matter — the field is not a string field, is analyzed text, or the value has no letters — and
 * otherwise rendered with a warning naming the rule and field. Regular expressions and field-to-field comparisons
 * have no KQL form and are errors — or, with {@link KqlFilterMode#DSL}, Query DSL filters of the rule
 * ({@link #renderWithFilters}).
 */
public final class KqlRenderer implements Renderer {

    private final boolean valueLists;
    private final KqlFilterMode filterMode;

    /** Renders {@code f:("a" or "b")} for alternatives on one field, as rule authors write KQL; no filters. */
    public KqlRenderer() {
        this(true);
    }

    /**
     * @param valueLists whether alternatives on one field become a value list; without, {@code f:"a" or f:"b"} —
     *     for consumers whose KQL lacks value lists (Elasticsearch 8.19's {@code kql} query)
     */
    public KqlRenderer(boolean valueLists) {
        this(valueLists, KqlFilterMode.ERROR);
    }

    /**
     * @param filterMode whether {@link #renderWithFilters} moves conditions KQL cannot express into Query DSL filters
     *     ({@link KqlFilterSplit}) or reports them as errors; {@link #render} is always pure KQL
     */
    public KqlRenderer(boolean valueLists, KqlFilterMode filterMode) {
        this.valueLists = valueLists;
        this.filterMode = filterMode;
    }

    public KqlFilterMode filterMode() {
        return filterMode;
    }

    /** Mapping types on which KQL's comparison ignores case (analyzed) or where values have no case. */
    private static final Set<String> CASELESS_TYPES = Set.of("text", "match_only_text", "ip", "long", "integer", "short",
            "byte", "double", "float", "half_float", "scaled_float", "unsigned_long", "date", "date_nanos", "boolean");

    @Override
    public Target target() {
        return Target.KQL;
    }

    @Override
    public Optional<String> render(Expr expr, RenderContext ctx, Diagnostics diags) {
        Visitor v = new Visitor(ctx, diags, valueLists);
        String s = expr.accept(v);
        return v.failed ? Optional.empty() : Optional.of(s);
    }

    @Override
    public Optional<RenderedQuery> renderWithFilters(Expr expr, RenderContext ctx, Diagnostics diags) {
        return filterMode == KqlFilterMode.DSL ? KqlFilterSplit.render(this, expr, ctx, diags)
                : render(expr, ctx, diags).map(RenderedQuery::of);
    }

    private static final class Visitor implements ExprVisitor<String> {
        private final RenderContext ctx;
        private final Diagnostics diags;
        /** Set while rendering inside {@code path:{ … }}: field names there are relative to the path. */
        private String prefix = "";
        private final boolean valueLists;
        boolean failed;

        Visitor(RenderContext ctx, Diagnostics diags, boolean valueLists) {
            this.ctx = ctx;
            this.diags = diags;
            this.valueLists = valueLists;
        }

        @Override
        public String visitAnd(Expr.And e) {
            return sameFieldList(e.terms(), " and ").orElseGet(() -> join(e.terms(), " and ", Expr.Or.class));
        }

        @Override
        public String visitOr(Expr.Or e) {
            return sameFieldList(e.terms(), " or ").orElseGet(() -> join(e.terms(), " or ", Expr.And.class));
        }

        private String join(List<Expr> terms, String op, Class<? extends Expr> parenthesized) {
            List<String> parts = new ArrayList<>();
            for (Expr t : terms) {
                String s = t.accept(this);
                parts.add(parenthesized.isInstance(t) ? "(" + s + ")" : s);
            }
            return String.join(op, parts);
        }

        /** {@code f:("a" or "b")} when every term is a plain match on one field. */
        private Optional<String> sameFieldList(List<Expr> terms, String op) {
            if (!valueLists || !terms.stream().allMatch(t -> t instanceof Expr.Match m && !flattenedKey(m.field()))) {
                return Optional.empty();
            }
            String field = ((Expr.Match) terms.get(0)).field();
            if (!terms.stream().allMatch(t -> ((Expr.Match) t).field().equals(field))) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (Expr t : terms) {
                Expr.Match m = (Expr.Match) t;
                checkCase(m.field(), m.value(), m.caseMode());
                values.add(value(m.field(), m.value()));
            }
            return Optional.of(field(field) + ":(" + String.join(op, values) + ")");
        }

        @Override
        public String visitNot(Expr.Not e) {
            String inner = e.term().accept(this);
            boolean compound = e.term() instanceof Expr.And || e.term() instanceof Expr.Or || e.term() instanceof Expr.Not
                    || e.term() instanceof Expr.Const;
            return "not " + (compound ? "(" + inner + ")" : inner);
        }

        @Override
        public String visitConst(Expr.Const e) {
            return e.value() ? "*:*" : "not *:*";
        }

        @Override
        public String visitMatch(Expr.Match e) {
            if (flattenedKey(e.field()) && e.value() instanceof Literal.Str s) {
                return flattenedMatch(e.field(), s.pattern(), e.caseMode());
            }
            checkCase(e.field(), e.value(), e.caseMode());
            return field(e.field()) + ":" + value(e.field(), e.value());
        }

        @Override
        public String visitExists(Expr.Exists e) {
            return field(e.field()) + ":*";
        }

        @Override
        public String visitRange(Expr.Range e) {
            if (flattenedKey(e.field())) {
                return fail(e.field(), "it is a key of a flattened field, whose values Elasticsearch compares as text,"
                        + " so a range would not compare numbers", "compare the value exactly");
            }
            List<String> parts = new ArrayList<>();
            e.lower().ifPresent(b -> parts.add(field(e.field()) + (b.inclusive() ? " >= " : " > ") + bound(e.field(), b)));
            e.upper().ifPresent(b -> parts.add(field(e.field()) + (b.inclusive() ? " <= " : " < ") + bound(e.field(), b)));
            return parts.size() == 1 ? parts.get(0) : "(" + String.join(" and ", parts) + ")";
        }

        private String bound(String field, Expr.Bound b) {
            if (b.value() instanceof Literal.Str s && s.pattern().hasWildcards()) {
                return fail(field, "a range bound cannot contain a wildcard", "");
            }
            return value(field, b.value());
        }

        @Override
        public String visitCidr(Expr.Cidr e) {
            if (flattenedKey(e.field())) {
                return fail(e.field(), "it is a key of a flattened field, whose values are keywords, not ips", "");
            }
            // On an ip field, KQL's match with a CIDR string is a CIDR query (Elasticsearch's term query on ip).
            return field(e.field()) + ":" + KqlQuoting.quote(e.cidr());
        }

        @Override
        public String visitRegex(Expr.Regex e) {
            return fail(e.field(), "KQL has no regular expressions, so the regex [" + e.regex() + "] cannot be rendered",
                    "compile the rule to ES|QL or Lucene, or replace the regex with wildcards");
        }

        @Override
        public String visitFieldRef(Expr.FieldRef e) {
            return fail(e.field(), "KQL cannot compare two fields (" + e.field() + " with " + e.otherField() + ")",
                    "compile the rule to ES|QL");
        }

        @Override
        public String visitKeyword(Expr.Keyword e) {
            checkCase("<any field>", new Literal.Str(e.value()), e.caseMode());
            return pattern("<any field>", e.value());
        }

        @Override
        public String visitNested(Expr.Nested e) {
            String path = field(e.path());
            String saved = prefix;
            prefix = prefix + stripPrefix(e.path()) + ".";
            try {
                return path + ":{ " + e.term().accept(this) + " }";
            } finally {
                prefix = saved;
            }
        }

        // ---- pieces ----

        private boolean flattenedKey(String field) {
            return FlattenedKeys.isKey(ctx.fieldTypes(), field);
        }

        /**
         * A key of a flattened field: Elasticsearch runs KQL's wildcard values as query_string, which matches a
         * leading or inner wildcard against every key, and offers no case-insensitive option; so each spelling the
         * matcher's folding accepts is listed, as in the Lucene target ({@link FlattenedKeys}).
         */
        private String flattenedMatch(String field, Pattern p, CaseMode mode) {
            try {
                List<FlattenedKeys.Term> terms = FlattenedKeys.terms(p, CaseMode.SENSITIVE);
                if (mode == CaseMode.INSENSITIVE) {
                    try {
                        terms = FlattenedKeys.terms(p, mode);
                    } catch (FlattenedKeys.Refused tooManySpellings) {
                        // as on other keyword fields: case-sensitive, with the warning naming rule and field
                        checkCase(field, new Literal.Str(p), mode);
                    }
                }
                List<String> values = new ArrayList<>();
                for (FlattenedKeys.Term t : terms) {
                    values.add(t.prefix() ? pattern(field, t.pattern()) : KqlQuoting.quote(t.text()));
                }
                return field(field) + ":" + (values.size() == 1 ? values.get(0) : "(" + String.join(" or ", values) + ")");
            } catch (FlattenedKeys.Refused r) {
                return fail(field, "it is a key of a flattened field, and " + r.getMessage(), r.hint());
            }
        }

        private String field(String full) {
            return KqlQuoting.field(stripPrefix(full));
        }

        private String stripPrefix(String full) {
            if (prefix.isEmpty()) {
                return full;
            }
            if (!full.startsWith(prefix) || full.length() == prefix.length()) {
                return fail(full, "field [" + full + "] inside a nested query on ["
                        + prefix.substring(0, prefix.length() - 1) + "] is not below that path", "");
            }
            return full.substring(prefix.length());
        }

        private String value(String field, Literal v) {
            if (v instanceof Literal.Str s) {
                return pattern(field, s.pattern());
            }
            if (v instanceof Literal.Num n) {
                return n.text();
            }
            return Boolean.toString(((Literal.Bool) v).value());
        }

        private String pattern(String field, Pattern p) {
            if (!p.hasWildcards()) {
                return KqlQuoting.quote(p.literalText().orElse(""));
            }
            if (p.parts().stream().anyMatch(x -> x instanceof Pattern.AnyChar)) {
                return fail(field, "KQL has no single-character wildcard, so [" + p + "] cannot be rendered",
                        "use * or compile the rule to ES|QL or Lucene");
            }
            return KqlQuoting.unquoted(p).orElseGet(() -> fail(field,
                    "KQL cannot express the wildcard value [" + p + "]: Kibana trims whitespace at the ends of unquoted "
                            + "values", "compile the rule to ES|QL or Lucene"));
        }

        private void checkCase(String field, Literal v, CaseMode mode) {
            if (mode == CaseMode.SENSITIVE || !(v instanceof Literal.Str s) || !hasLetters(s.pattern())) {
                return;
            }
            Optional<String> type = ctx.fieldTypes().typeOf(field);
            if (type.isPresent() && CASELESS_TYPES.contains(type.get())) {
                return;
            }
            // One warning per rule and field (the collector drops duplicates), not one per value.
            diags.warning("kql.case-sensitive", ctx.pos(),
                    "rule [" + ctx.ruleName() + "]: KQL matches field [" + field + "] case-sensitively"
                            + type.map(t -> " (mapped as " + t + ")").orElse("") + ", but the rule asks for "
                            + "case-insensitive matching of values with letters",
                    "compile to ES|QL or Lucene for case-insensitive matching, or map the field with a lowercase "
                            + "normalizer");
        }

        private static boolean hasLetters(Pattern p) {
            return p.parts().stream().anyMatch(x -> x instanceof Pattern.Text t
                    && t.text().codePoints().anyMatch(c -> Character.toLowerCase(c) != Character.toUpperCase(c)));
        }

        private String fail(String field, String message, String hint) {
            failed = true;
            diags.error("kql.unsupported", ctx.pos(), "rule [" + ctx.ruleName() + "], field [" + field + "]: " + message,
                    hint);
            return "<unrenderable>";
        }
    }
}
