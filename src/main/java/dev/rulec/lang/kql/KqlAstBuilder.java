package dev.rulec.lang.kql;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.QuerySyntaxException;
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
import dev.rulec.target.FieldTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
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
    private final Utf16 at;
    /** Field names that field-name patterns ({@code file.hash.*}) expand to; absent: patterns are refused. */
    private final Optional<Collection<String>> knownFields;
    private final FieldTypes types;
    private String prefix = "";

    KqlAstBuilder(String text, Optional<Collection<String>> knownFields, FieldTypes types) {
        this.text = text;
        this.at = new Utf16(text);
        this.knownFields = knownFields;
        this.types = types;
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
        List<String> fields = fields(ctx.field);
        Literal value = rangeValue(ctx.bound);
        int op = ctx.op.getType();
        Optional<Expr.Bound> bound = Optional.of(new Expr.Bound(value, op == KqlLexer.LE || op == KqlLexer.GE));
        boolean lower = op == KqlLexer.GE || op == KqlLexer.GT;
        return Expr.anyOf(fields.stream()
                .map(f -> (Expr) new Expr.Range(f, lower ? bound : Optional.empty(), lower ? Optional.empty() : bound))
                .toList());
    }

    @Override
    public Expr visitFieldQuery(FieldQueryContext ctx) {
        if (isStar(ctx.field) && ctx.listOfValues() instanceof SingleValueContext s && isStar(s.literal())) {
            return new Expr.Const(true); // *:* — Kibana's match_all
        }
        return values(fields(ctx.field), ctx.listOfValues());
    }

    @Override
    public Expr visitBareQuery(BareQueryContext ctx) {
        Value v = value(ctx.value);
        return new Expr.Keyword(v.pattern(), CaseMode.SENSITIVE);
    }

    // ---- value lists: field:(a or b and not c) ----

    /** A value list on a field, or on every field a field-name pattern stands for (expanded at each value). */
    private Expr values(List<String> field, ListOfValuesContext ctx) {
        if (ctx instanceof GroupValuesContext g) {
            return orList(field, g.orList());
        }
        LiteralContext lit = ((SingleValueContext) ctx).literal();
        return Expr.anyOf(field.stream().map(f -> match(f, lit)).toList());
    }

    private Expr orList(List<String> field, OrListContext ctx) {
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
        if (!v.quoted() && v.literal() instanceof Literal.Str s && !s.pattern().hasWildcards()
                && types.typeOf(field).filter(TEXT_TYPES::contains).isPresent()) {
            return anyWord(field, s.pattern().literalText().orElse(""));
        }
        return new Expr.Match(field, v.literal(), CaseMode.SENSITIVE);
    }

    private static final java.util.Set<String> TEXT_TYPES = java.util.Set.of("text", "match_only_text");

    /**
     * An unquoted value on a text field: Kibana sends {@code match}, which matches any of the value's words (the
     * standard analyzer's tokens, found here with the Unicode word rules it implements); a quoted one sends
     * {@code match_phrase}, which is what a match on a text field means in the tree.
     */
    private static Expr anyWord(String field, String value) {
        List<String> words = KqlWords.of(value);
        if (words.size() <= 1) {
            return words.isEmpty() ? new Expr.Const(false) : new Expr.Match(field, Literal.string(value), CaseMode.SENSITIVE);
        }
        return Expr.anyOf(words.stream().distinct()
                .map(w -> (Expr) new Expr.Match(field, Literal.string(w), CaseMode.SENSITIVE)).toList());
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
            throw new QuerySyntaxException("kql.ambiguous-value", start(lit),
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
                throw new QuerySyntaxException("kql.null-value", start(lit),
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
            throw new QuerySyntaxException("kql.range-wildcard", start(lit),
                    "a range bound cannot contain a wildcard: [" + raw(lit) + "]", "escape the * as \\* or quote the value");
        }
        if (v.literal() instanceof Literal.Bool) {
            return Literal.string(v.pattern().literalText().orElse(""));
        }
        return v.literal();
    }

    /** One field (a nested path, which cannot be a pattern). */
    private String field(LiteralContext lit) {
        List<String> fields = fields(lit);
        if (fields.size() != 1 || lit instanceof UnquotedLiteralContext u && decode(u).hasWildcards()) {
            throw new QuerySyntaxException("kql.field-pattern", start(lit), "a nested path cannot be a pattern: ["
                    + raw(lit) + "]", "name the path");
        }
        return fields.get(0);
    }

    /** The field a field literal names, or the known fields a pattern matches, sorted. */
    private List<String> fields(LiteralContext lit) {
        Pattern p = lit instanceof QuotedLiteralContext q
                ? Pattern.literal(KqlQuoting.decodeQuoted(inner(q.QUOTED().getText())))
                : decode((UnquotedLiteralContext) lit);
        if (p.isEmpty()) {
            throw new QuerySyntaxException("kql.empty-field", start(lit), "empty field name", "write the field's name");
        }
        if (!p.hasWildcards()) {
            return List.of(prefix + p.literalText().orElse(""));
        }
        if (knownFields.isEmpty()) {
            throw new QuerySyntaxException("kql.field-pattern", start(lit), "field name patterns such as [" + raw(lit)
                    + "] stand for the fields of the index mapping that match them, and no field list was given",
                    "name the fields, e.g. (a.x:v or a.y:v), or compile with a schema; escape a literal * as \\*");
        }
        java.util.regex.Pattern re = fieldRegex(prefix, p);
        List<String> matched = knownFields.get().stream().filter(f -> re.matcher(f).matches()).sorted().distinct()
                .toList();
        if (matched.isEmpty()) {
            throw new QuerySyntaxException("kql.field-pattern", start(lit), "field name pattern [" + raw(lit)
                    + "] matches no field of the schema", "check the pattern, or add the fields to the schema");
        }
        return matched;
    }

    /** Kibana's field-name wildcard: {@code *} matches any run of characters, dots included. */
    private static java.util.regex.Pattern fieldRegex(String prefix, Pattern p) {
        StringBuilder re = new StringBuilder(java.util.regex.Pattern.quote(prefix));
        for (Pattern.Part part : p.parts()) {
            re.append(part instanceof Pattern.Text t ? java.util.regex.Pattern.quote(t.text()) : ".*");
        }
        return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.DOTALL);
    }

    private boolean isStar(LiteralContext lit) {
        return lit instanceof UnquotedLiteralContext && raw(lit).equals("*");
    }

    private Pattern decode(UnquotedLiteralContext u) {
        String raw = raw(u);
        try {
            return KqlQuoting.decodeUnquoted(raw);
        } catch (KqlQuoting.BadEscape e) {
            throw new QuerySyntaxException("kql.bad-escape", start(u) + e.offset(), e.getMessage(), "");
        }
    }

    /** The exact input text of a literal, whitespace between unquoted chunks included. */
    private String raw(LiteralContext lit) {
        return text.substring(start(lit), at.index(lit.getStop().getStopIndex() + 1));
    }

    /** The UTF-16 index where the literal starts (ANTLR counts code points). */
    private int start(LiteralContext lit) {
        return at.index(lit.getStart().getStartIndex());
    }

    private static String inner(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }
}
