package dev.rulec.target.esql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.ir.regex.RegexException;
import dev.rulec.target.FieldKind;
import dev.rulec.target.RenderContext;
import dev.rulec.target.lucene.FlattenedKeys;
import dev.rulec.target.lucene.LuceneQuoting;
import dev.rulec.target.lucene.LuceneRenderer;
import dev.rulec.target.regex.CaseFold;
import dev.rulec.target.regex.LuceneRegex;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the WHERE condition. Under a {@code Not}, every predicate that ES|QL can evaluate to {@code null} (absent
 * or multi-valued field) is wrapped in {@code COALESCE(…, FALSE)}, so negation keeps Sigma's two-valued meaning;
 * outside negations {@code null} already drops the row, exactly like {@code false}.
 */
final class EsqlExprWriter implements ExprVisitor<String> {

    private final RenderContext ctx;
    private final Diagnostics diags;
    private final boolean guard;
    private final boolean inWhere;
    private boolean failed;

    /**
     * @param inWhere whether the condition stands in a WHERE (right after FROM): the only place, with STATS, where
     *                ES|QL 8.19 runs the full-text function {@code QSTR}; elsewhere (EVAL) a predicate needing it is an error
     */
    EsqlExprWriter(RenderContext ctx, Diagnostics diags, boolean guard, boolean inWhere) {
        this.ctx = ctx;
        this.diags = diags;
        this.guard = guard;
        this.inWhere = inWhere;
    }

    boolean failed() {
        return failed;
    }

    private String fail(String what, String field, String why, String hint) {
        failed = true;
        diags.error("esql.untranslatable", ctx.pos(),
                "rule [" + ctx.ruleName() + "]: " + what + " on field [" + field + "] cannot be expressed in ES|QL: " + why, hint);
        return "FALSE";
    }

    private String leaf(String predicate) {
        return guard ? "COALESCE(" + predicate + ", FALSE)" : predicate;
    }

    private String child(Expr e, EsqlExprWriter w) {
        String s = e.accept(w);
        return e instanceof Expr.And || e instanceof Expr.Or ? "(" + s + ")" : s;
    }

    /** Terms per flat run; longer lists nest as a balanced tree. */
    private static final int FLAT = 16;

    /**
     * ES|QL parses {@code a OR b OR c…} into a left-deep tree and refuses expressions deeper than 300, which long
     * Sigma value lists exceed; longer lists are therefore written as a balanced, parenthesized tree (depth ~ log n).
     */
    private String join(List<Expr> terms, String op) {
        if (terms.size() <= FLAT) {
            return terms.stream().map(t -> child(t, this)).collect(Collectors.joining(" " + op + " "));
        }
        int half = terms.size() / 2;
        return "(" + join(terms.subList(0, half), op) + ") " + op + " (" + join(terms.subList(half, terms.size()), op) + ")";
    }

    @Override
    public String visitAnd(Expr.And e) {
        return join(e.terms(), "AND");
    }

    @Override
    public String visitOr(Expr.Or e) {
        return join(e.terms(), "OR");
    }

    @Override
    public String visitNot(Expr.Not e) {
        EsqlExprWriter inner = new EsqlExprWriter(ctx, diags, true, inWhere);
        String s = e.term().accept(inner);
        failed |= inner.failed;
        return "NOT (" + s + ")";
    }

    @Override
    public String visitConst(Expr.Const e) {
        return e.value() ? "TRUE" : "FALSE";
    }

    private FieldKind kind(String field) {
        return FieldKind.of(ctx.fieldTypes(), field);
    }

    /**
     * A predicate on a key of a flattened field, which ES|QL cannot read as a column: the Lucene target's query_string
     * text for it, run by {@code QSTR} (pushed down to Lucene; true or false, never null, so it needs no guard).
     */
    private String viaQueryString(Expr leaf, String field) {
        if (!inWhere) {
            return fail("a predicate", field, "it is a key of a flattened field, which ES|QL reads only through QSTR,"
                    + " and ES|QL runs QSTR only in WHERE and STATS", "use a detection rule without this correlation");
        }
        Optional<String> q = LuceneRenderer.query(leaf, ctx, diags, "esql.untranslatable", "ES|QL (through QSTR)");
        if (q.isEmpty()) {
            failed = true;
            return "FALSE";
        }
        return "QSTR(" + EsqlQuoting.string(q.get()) + ")";
    }

    private boolean flattenedKey(String field) {
        return FlattenedKeys.isKey(ctx.fieldTypes(), field);
    }

    private static String asText(String f, FieldKind k) {
        return k == FieldKind.STRING ? f : "TO_STRING(" + f + ")";
    }

    @Override
    public String visitMatch(Expr.Match e) {
        if (flattenedKey(e.field())) {
            return viaQueryString(e, e.field());
        }
        String f = EsqlQuoting.identifier(e.field());
        FieldKind k = kind(e.field());
        Literal lit = e.value();
        if (lit instanceof Literal.Num n) {
            return leaf(k == FieldKind.NUMERIC ? f + " == " + n.text() : asText(f, k) + " == " + EsqlQuoting.string(n.text()));
        }
        if (lit instanceof Literal.Bool b) {
            return leaf(k == FieldKind.BOOLEAN ? f + " == " + b.value() : asText(f, k) + " == " + EsqlQuoting.string(Boolean.toString(b.value())));
        }
        Pattern p = ((Literal.Str) lit).pattern();
        if (p.isMatchAll()) {
            return f + " IS NOT NULL";
        }
        String subject = asText(f, k);
        if (e.caseMode() == CaseMode.INSENSITIVE && CaseFold.hasCase(p.toString())) {
            if (!p.hasWildcards() && !CaseFold.asciiOnly(p.literalText().orElse(""))) {
                // ES 8.19 pushes TO_LOWER(f) == "…" (and LIKE without wildcards) down as a case-insensitive term
                // query that folds ASCII only: TO_LOWER(f) == "é" misses "É". Spell the cases out instead.
                return leaf(subject + " RLIKE " + EsqlQuoting.string(LuceneRegex.caseInsensitive(p)));
            }
            subject = "TO_LOWER(" + subject + ")";
            p = lowered(p);
        }
        return leaf(p.hasWildcards()
                ? subject + " LIKE " + EsqlQuoting.string(EsqlQuoting.likePattern(p))
                : subject + " == " + EsqlQuoting.string(p.literalText().orElse("")));
    }

    private static Pattern lowered(Pattern p) {
        return new Pattern(p.parts().stream()
                .map(part -> part instanceof Pattern.Text t ? (Pattern.Part) new Pattern.Text(t.text().toLowerCase(Locale.ROOT)) : part)
                .toList());
    }

    @Override
    public String visitExists(Expr.Exists e) {
        if (flattenedKey(e.field())) {
            return viaQueryString(e, e.field());
        }
        return EsqlQuoting.identifier(e.field()) + " IS NOT NULL";
    }

    @Override
    public String visitRange(Expr.Range e) {
        if (flattenedKey(e.field())) {
            return viaQueryString(e, e.field());
        }
        String lo = e.lower().map(b -> bound(e.field(), b, b.inclusive() ? " >= " : " > ")).orElse("");
        String hi = e.upper().map(b -> bound(e.field(), b, b.inclusive() ? " <= " : " < ")).orElse("");
        String both = lo.isEmpty() ? hi : hi.isEmpty() ? lo : "(" + lo + " AND " + hi + ")";
        return leaf(both);
    }

    private String bound(String field, Expr.Bound b, String op) {
        String f = EsqlQuoting.identifier(field);
        FieldKind k = kind(field);
        if (b.value() instanceof Literal.Num n) {
            switch (k) {
                case NUMERIC:
                    return f + op + n.text();
                case STRING:
                    return "TO_DOUBLE(" + f + ")" + op + n.text();
                default:
                    return fail("a numeric comparison", field, "the field is mapped as " + k.name().toLowerCase(Locale.ROOT), "");
            }
        }
        if (b.value() instanceof Literal.Str s && s.pattern().literalText().isPresent()) {
            String v = EsqlQuoting.string(s.pattern().literalText().get());
            switch (k) {
                case STRING:
                    return f + op + v;
                case DATE:
                    return f + op + "TO_DATETIME(" + v + ")";
                case IP:
                    return f + op + "TO_IP(" + v + ")";
                default:
                    return fail("a string comparison", field, "the field is mapped as " + k.name().toLowerCase(Locale.ROOT), "");
            }
        }
        return fail("a comparison", field, "the bound is neither a number nor a plain string", "");
    }

    @Override
    public String visitCidr(Expr.Cidr e) {
        if (flattenedKey(e.field())) {
            return viaQueryString(e, e.field());
        }
        String f = EsqlQuoting.identifier(e.field());
        FieldKind k = kind(e.field());
        if (k != FieldKind.IP && k != FieldKind.STRING) {
            return fail("a CIDR match", e.field(), "the field is mapped as " + k.name().toLowerCase(Locale.ROOT), "");
        }
        String subject = k == FieldKind.IP ? f : "TO_IP(" + f + ")";
        return leaf("CIDR_MATCH(" + subject + ", " + EsqlQuoting.string(e.cidr()) + ")");
    }

    @Override
    public String visitRegex(Expr.Regex e) {
        if (flattenedKey(e.field())) {
            return viaQueryString(e, e.field());
        }
        String f = EsqlQuoting.identifier(e.field());
        try {
            String re = LuceneRegex.translate(e.regex(), e.flags());
            return leaf(asText(f, kind(e.field())) + " RLIKE " + EsqlQuoting.string(re));
        } catch (RegexException ex) {
            return fail("the regular expression [" + e.regex() + "]", e.field(), ex.getMessage(),
                    "rewrite it without that construct, or use wildcards");
        }
    }

    @Override
    public String visitFieldRef(Expr.FieldRef e) {
        for (String f : List.of(e.field(), e.otherField())) {
            if (flattenedKey(f)) {
                return fail("a comparison with field [" + (f.equals(e.field()) ? e.otherField() : e.field()) + "]", f,
                        "it is a key of a flattened field, which ES|QL cannot read as a column, and query_string"
                                + " cannot compare two fields", "");
            }
        }
        String a = asText(EsqlQuoting.identifier(e.field()), kind(e.field()));
        String b = asText(EsqlQuoting.identifier(e.otherField()), kind(e.otherField()));
        if (e.caseMode() == CaseMode.INSENSITIVE) {
            a = "TO_LOWER(" + a + ")";
            b = "TO_LOWER(" + b + ")";
        }
        String p;
        switch (e.kind()) {
            case EQUALS:
                p = a + " == " + b;
                break;
            case STARTS_WITH:
                p = "STARTS_WITH(" + a + ", " + b + ")";
                break;
            case ENDS_WITH:
                p = "ENDS_WITH(" + a + ", " + b + ")";
                break;
            case CONTAINS:
                p = "LOCATE(" + a + ", " + b + ") > 0";
                break;
            default:
                throw new AssertionError(e.kind());
        }
        return leaf(p);
    }

    @Override
    public String visitKeyword(Expr.Keyword e) {
        if (!inWhere) {
            failed = true;
            diags.error("esql.untranslatable", ctx.pos(), "rule [" + ctx.ruleName() + "]: a keyword search cannot be"
                    + " expressed here in ES|QL: it runs through QSTR, which ES|QL runs only in WHERE and STATS",
                    "use a detection rule without this correlation");
            return "FALSE";
        }
        // QSTR runs the Lucene query_string over the index's default fields; it is never null, so needs no guard.
        return "QSTR(" + EsqlQuoting.string(LuceneQuoting.keywordQuery(e.value(), e.caseMode())) + ")";
    }

    @Override
    public String visitNested(Expr.Nested e) {
        return fail("a nested query", e.path(), "ES|QL cannot query nested documents", "use the KQL or Lucene target");
    }
}
