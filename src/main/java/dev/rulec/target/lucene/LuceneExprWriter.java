package dev.rulec.target.lucene;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.ir.regex.RegexException;
import dev.rulec.target.FieldKind;
import dev.rulec.target.RenderContext;
import dev.rulec.target.regex.LuceneRegex;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The query_string text of one tree; see {@link LuceneRenderer} for the rules. */
final class LuceneExprWriter implements ExprVisitor<String> {

    private final RenderContext ctx;
    private final Diagnostics diags;
    private final String code;
    private final String language;
    private boolean failed;

    /** {@code code} and {@code language} name the target in errors: Lucene, or ES|QL running the text in QSTR. */
    LuceneExprWriter(RenderContext ctx, Diagnostics diags, String code, String language) {
        this.ctx = ctx;
        this.diags = diags;
        this.code = code;
        this.language = language;
    }

    boolean failed() {
        return failed;
    }

    private String fail(String what, String field, String why, String hint) {
        failed = true;
        diags.error(code, ctx.pos(),
                "rule [" + ctx.ruleName() + "]: " + what + " on field [" + field + "] cannot be expressed in " + language + ": " + why, hint);
        return "*:*";
    }

    private String child(Expr e) {
        String s = e.accept(this);
        return e instanceof Expr.And || e instanceof Expr.Or || e instanceof Expr.Not ? "(" + s + ")" : s;
    }

    private String join(List<Expr> terms, String op) {
        return terms.stream().map(this::child).collect(Collectors.joining(" " + op + " "));
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
        Expr t = e.term();
        String s = t.accept(this);
        return "NOT " + (t instanceof Expr.And || t instanceof Expr.Or || t instanceof Expr.Not ? "(" + s + ")" : s);
    }

    @Override
    public String visitConst(Expr.Const e) {
        return e.value() ? "*:*" : "(NOT *:*)";
    }

    private FieldKind kind(String field) {
        return FieldKind.of(ctx.fieldTypes(), field);
    }

    private boolean flattenedKey(String field) {
        return FlattenedKeys.isKey(ctx.fieldTypes(), field);
    }

    private static final String FLATTENED_HINT = "match the whole value, or a prefix ending in *";

    private static String kindName(FieldKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String visitMatch(Expr.Match e) {
        String f = LuceneQuoting.field(e.field()) + ":";
        FieldKind k = kind(e.field());
        Literal lit = e.value();
        if (lit instanceof Literal.Num n) {
            return f + LuceneQuoting.term(n.text());
        }
        if (lit instanceof Literal.Bool b) {
            return f + b.value();
        }
        Pattern p = ((Literal.Str) lit).pattern();
        if (p.isMatchAll()) {
            return f + "*";
        }
        if (flattenedKey(e.field())) {
            try {
                return f + FlattenedKeys.pattern(p, e.caseMode());
            } catch (FlattenedKeys.Refused r) {
                return fail("the match [" + p + "]", e.field(), "it is a key of a flattened field, and " + r.getMessage(),
                        r.hint());
            }
        }
        if (k != FieldKind.STRING) {
            if (p.hasWildcards()) {
                return fail("a wildcard match", e.field(), "the field is mapped as " + kindName(k), "");
            }
            return f + LuceneQuoting.term(p.literalText().orElse(""));
        }
        return f + LuceneQuoting.pattern(p, e.caseMode());
    }

    @Override
    public String visitExists(Expr.Exists e) {
        return "_exists_:" + LuceneQuoting.field(e.field());
    }

    @Override
    public String visitRange(Expr.Range e) {
        if (flattenedKey(e.field())) {
            return fail("a comparison", e.field(), "it is a key of a flattened field, whose values Elasticsearch compares"
                    + " as text", "");
        }
        FieldKind k = kind(e.field());
        boolean numeric = e.lower().map(b -> b.value() instanceof Literal.Num).orElse(false)
                || e.upper().map(b -> b.value() instanceof Literal.Num).orElse(false);
        if (numeric && k == FieldKind.STRING && FieldKind.known(ctx.fieldTypes(), e.field())) {
            return fail("a numeric comparison", e.field(), "the field is a keyword, which Lucene compares as text",
                    "map the field as a number");
        }
        for (Expr.Bound b : List.of(e.lower(), e.upper()).stream().flatMap(java.util.Optional::stream).toList()) {
            if (b.value() instanceof Literal.Str s && s.pattern().hasWildcards()) {
                return fail("a comparison", e.field(), "the bound has wildcards", "");
            }
        }
        String lo = e.lower().map(b -> (b.inclusive() ? "[" : "{") + LuceneQuoting.rangeValue(b.value())).orElse("[*");
        String hi = e.upper().map(b -> LuceneQuoting.rangeValue(b.value()) + (b.inclusive() ? "]" : "}")).orElse("*]");
        return LuceneQuoting.field(e.field()) + ":" + lo + " TO " + hi;
    }

    @Override
    public String visitCidr(Expr.Cidr e) {
        FieldKind k = kind(e.field());
        if (flattenedKey(e.field())) {
            return fail("a CIDR match", e.field(), "it is a key of a flattened field, whose values are keywords, not ips", "");
        }
        if (k != FieldKind.IP && FieldKind.known(ctx.fieldTypes(), e.field())) {
            return fail("a CIDR match", e.field(), "the field is mapped as " + kindName(k) + ", not ip", "map the field as ip");
        }
        return LuceneQuoting.field(e.field()) + ":" + LuceneQuoting.quoted(e.cidr());
    }

    @Override
    public String visitRegex(Expr.Regex e) {
        if (flattenedKey(e.field())) {
            return fail("a regular expression", e.field(), "it is a key of a flattened field, on which Elasticsearch"
                    + " runs no regexp query", FLATTENED_HINT);
        }
        FieldKind k = kind(e.field());
        if (k != FieldKind.STRING) {
            return fail("a regular expression", e.field(), "the field is mapped as " + kindName(k), "");
        }
        try {
            return LuceneQuoting.field(e.field()) + ":" + LuceneQuoting.regex(LuceneRegex.translate(e.regex(), e.flags()));
        } catch (RegexException ex) {
            return fail("the regular expression [" + e.regex() + "]", e.field(), ex.getMessage(),
                    "rewrite it without that construct, or use wildcards");
        }
    }

    @Override
    public String visitFieldRef(Expr.FieldRef e) {
        return fail("a comparison with field [" + e.otherField() + "]", e.field(),
                "query_string cannot compare two fields of a document", "use the ES|QL target");
    }

    @Override
    public String visitKeyword(Expr.Keyword e) {
        return LuceneQuoting.keywordQuery(e.value(), e.caseMode());
    }

    @Override
    public String visitNested(Expr.Nested e) {
        return fail("a nested query", e.path(), "query_string cannot query nested documents", "use the KQL target");
    }
}
