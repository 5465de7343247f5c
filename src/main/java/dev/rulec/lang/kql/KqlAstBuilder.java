package dev.rulec.lang.kql;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.kql.parser.KqlBaseVisitor;
import dev.rulec.lang.kql.parser.KqlParser.AndListContext;
import dev.rulec.lang.kql.parser.KqlParser.AndQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.BareQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.FieldQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.GroupQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.GroupValuesContext;
import dev.rulec.lang.kql.parser.KqlParser.ListOfValuesContext;
import dev.rulec.lang.kql.parser.KqlParser.LiteralContext;
import dev.rulec.lang.kql.parser.KqlParser.NegatedQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.NegatedValuesContext;
import dev.rulec.lang.kql.parser.KqlParser.NestedQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.NotListContext;
import dev.rulec.lang.kql.parser.KqlParser.OrListContext;
import dev.rulec.lang.kql.parser.KqlParser.OrQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.PlainQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.PlainValuesContext;
import dev.rulec.lang.kql.parser.KqlParser.QueryContext;
import dev.rulec.lang.kql.parser.KqlParser.QuotedLiteralContext;
import dev.rulec.lang.kql.parser.KqlParser.RangeQueryContext;
import dev.rulec.lang.kql.parser.KqlParser.SingleValueContext;
import dev.rulec.lang.kql.parser.KqlParser.UnquotedLiteralContext;
import dev.rulec.lang.kql.parser.KqlLexer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parse tree in, {@link Expr} out. KQL's {@code field:value} becomes a case-sensitive {@link Expr.Match}
 * (KQL on keyword fields is case-sensitive; what it means on text fields is decided by the field's mapping, see
 * package docs), {@code field:*} an {@link Expr.Exists}, a field-less value an {@link Expr.Keyword}. Inside
 * {@code path:{ … }} field names are relative to the path; the tree holds the full names.
 */
final class KqlAstBuilder extends KqlBaseVisitor<Expr> {

    private final String text;
    private String prefix = "";

    KqlAstBuilder(String text) {
        this.text = text;
    }

    @Override
    public Expr visitQuery(QueryContext ctx) {
        return ctx.orQuery() == null ? new Expr.Const(true) : visit(ctx.orQuery());
    }

    @Override
    public Expr visitOrQuery(OrQueryContext ctx) {
        List<Expr> terms = new ArrayList<>();
        ctx.andQuery().forEach(a -> terms.add(visit(a)));
        return Expr.anyOf(terms);
    }

    @Override
    public Expr visitAndQuery(AndQueryContext ctx) {
        List<Expr> terms = new ArrayList<>();
        ctx.notQuery().forEach(n -> terms.add(visit(n)));
        return Expr.allOf(terms);
    }

    @Override
    public Expr visitNegatedQuery(NegatedQueryContext ctx) {
        Expr inner = visit(ctx.subQuery());
        // `not *:*` is how KQL spells false: keep the IR's constant, so rendering FALSE parses back to FALSE.
        return inner instanceof Expr.Const c ? new Expr.Const(!c.value()) : Expr.not(inner);
    }

    @Override
    public Expr visitPlainQuery(PlainQueryContext ctx) {
        return visit(ctx.subQuery());
    }

    @Override
    public Expr visitGroupQuery(GroupQueryContext ctx) {
        return visit(ctx.orQuery());
    }

    @Override
    public Expr visitNestedQuery(NestedQueryContext ctx) {
        String path = field(ctx.field);
        String saved = prefix;
        prefix = path + ".";
        try {
            return new Expr.Nested(path, visit(ctx.orQuery()));
        } finally {
            prefix = saved;
        }
    }

    @Override
    public Expr visitRangeQuery(RangeQueryContext ctx) {
        String field = field(ctx.field);
        Literal value = rangeValue(ctx.bound);
        int op = ctx.op.getType();
        Optional<Expr.Bound> bound = Optional.of(new Expr.Bound(value, op == KqlLexer.LE || op == KqlLexer.GE));
        boolean lower = op == KqlLexer.GE || op == KqlLexer.GT;
        return new Expr.Range(field, lower ? bound : Optional.empty(), lower ? Optional.empty() : bound);
    }

    @Override
    public Expr visitFieldQuery(FieldQueryContext ctx) {
        if (isStar(ctx.field)) {
            if (ctx.listOfValues() instanceof SingleValueContext s && isStar(s.literal())) {
                return new Expr.Const(true); // *:* — Kibana's match_all
            }
            throw fieldPattern(ctx.field);
        }
        return values(field(ctx.field), ctx.listOfValues());
    }

    @Override
    public Expr visitBareQuery(BareQueryContext ctx) {
        Value v = value(ctx.value);
        return new Expr.Keyword(v.pattern(), CaseMode.SENSITIVE);
    }

    // ---- value lists: field:(a or b and not c) ----

    private Expr values(String field, ListOfValuesContext ctx) {
        if (ctx instanceof GroupValuesContext g) {
            return orList(field, g.orList());
        }
        return match(field, ((SingleValueContext) ctx).literal());
    }

    private Expr orList(String field, OrListContext ctx) {
        List<Expr> terms = new ArrayList<>();
        for (AndListContext a : ctx.andList()) {
            List<Expr> conj = new ArrayList<>();
            for (NotListContext n : a.notList()) {
                conj.add(n instanceof NegatedValuesContext neg
                        ? Expr.not(values(field, neg.listOfValues()))
                        : values(field, ((PlainValuesContext) n).listOfValues()));
            }
            terms.add(Expr.allOf(conj));
        }
        return Expr.anyOf(terms);
    }

    private Expr match(String field, LiteralContext lit) {
        Value v = value(lit);
        if (!v.quoted() && v.pattern().isMatchAll()) {
            return new Expr.Exists(field);
        }
        return new Expr.Match(field, v.literal(), CaseMode.SENSITIVE);
    }

    // ---- literals ----

    /** A decoded value: its pattern, whether it was quoted, and the typed literal Kibana would build. */
    private record Value(Pattern pattern, boolean quoted, Literal literal) {
    }

    private Value value(LiteralContext lit) {
        if (lit instanceof QuotedLiteralContext q) {
            String s = KqlQuoting.decodeQuoted(inner(q.QUOTED().getText()));
            return new Value(Pattern.literal(s), true, Literal.string(s));
        }
        UnquotedLiteralContext u = (UnquotedLiteralContext) lit;
        Pattern p = decode(u);
        if (u.UNQUOTED().size() > 1 && !p.hasWildcards()) {
            throw new KqlSyntaxException("kql.ambiguous-value", start(lit),
                    "unquoted value [" + raw(lit) + "] contains whitespace: Kibana reads it as one value, which on a text "
                            + "field matches any of its words and on a keyword field the whole value",
                    "quote it for the exact value or phrase, or list the words: (a and b)");
        }
        Optional<String> plain = p.literalText();
        if (plain.isEmpty()) {
            return new Value(p, false, new Literal.Str(p));
        }
        String s = plain.get();
        switch (s) {
            case "null":
                throw new KqlSyntaxException("kql.null-value", start(lit),
                        "unquoted [null] is Kibana's null literal, which matches nothing useful",
                        "write `not field:*` for a missing field, or \"null\" for the text");
            case "true":
                return new Value(p, false, new Literal.Bool(true));
            case "false":
                return new Value(p, false, new Literal.Bool(false));
            default:
                return new Value(p, false, number(s).<Literal>map(Literal.Num::new).orElse(Literal.string(s)));
        }
    }

    /** A number only when its canonical text is exactly what was written, so rendering gives back the same text. */
    static Optional<BigDecimal> number(String s) {
        if (!s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?")) {
            return Optional.empty();
        }
        BigDecimal d = new BigDecimal(s);
        return new Literal.Num(d).text().equals(s) ? Optional.of(d) : Optional.empty();
    }

    private Literal rangeValue(LiteralContext lit) {
        Value v = value(lit);
        if (v.pattern().hasWildcards()) {
            throw new KqlSyntaxException("kql.range-wildcard", start(lit),
                    "a range bound cannot contain a wildcard: [" + raw(lit) + "]", "escape the * as \\* or quote the value");
        }
        if (v.literal() instanceof Literal.Bool) {
            return Literal.string(v.pattern().literalText().orElse(""));
        }
        return v.literal();
    }

    private String field(LiteralContext lit) {
        String name;
        if (lit instanceof QuotedLiteralContext q) {
            name = KqlQuoting.decodeQuoted(inner(q.QUOTED().getText()));
        } else {
            Pattern p = decode((UnquotedLiteralContext) lit);
            if (p.hasWildcards()) {
                throw fieldPattern(lit);
            }
            name = p.literalText().orElse("");
        }
        if (name.isEmpty()) {
            throw new KqlSyntaxException("kql.empty-field", start(lit), "empty field name", "write the field's name");
        }
        return prefix + name;
    }

    private KqlSyntaxException fieldPattern(LiteralContext lit) {
        return new KqlSyntaxException("kql.field-pattern", start(lit),
                "field name patterns such as [" + raw(lit) + "] are not supported: the fields they stand for depend on the "
                        + "index mapping, which a rule compiler cannot see",
                "name the fields, e.g. (a.x:v or a.y:v); escape a literal * in a field name as \\*");
    }

    private boolean isStar(LiteralContext lit) {
        return lit instanceof UnquotedLiteralContext && raw(lit).equals("*");
    }

    private Pattern decode(UnquotedLiteralContext u) {
        String raw = raw(u);
        try {
            return KqlQuoting.decodeUnquoted(raw);
        } catch (KqlQuoting.BadEscape e) {
            throw new KqlSyntaxException("kql.bad-escape", start(u) + e.offset(), e.getMessage(), "");
        }
    }

    /** The exact input text of a literal, whitespace between unquoted chunks included. */
    private String raw(LiteralContext lit) {
        return text.substring(lit.getStart().getStartIndex(), lit.getStop().getStopIndex() + 1);
    }

    private static int start(LiteralContext lit) {
        return lit.getStart().getStartIndex();
    }

    private static String inner(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }
}
