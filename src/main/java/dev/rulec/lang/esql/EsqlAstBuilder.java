package dev.rulec.lang.esql;

import dev.rulec.lang.esql.EsqlBaseParser.*;
import dev.rulec.lang.esql.EsqlCommand.*;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parse tree in, immutable AST out: one method per labelled alternative. */
final class EsqlAstBuilder {

    /** How deep the expression being built is: capped so deep trees cannot overflow the stack of later walks. */
    private int depth;

    EsqlQuery query(QueryContext ctx) {
        List<EsqlCommand> commands = new ArrayList<>();
        commands.add(source(ctx.sourceCommand()));
        for (ProcessingCommandContext p : ctx.processingCommand()) {
            commands.add(processing(p));
        }
        return new EsqlQuery(commands);
    }

    private EsqlCommand source(SourceCommandContext ctx) {
        if (ctx instanceof FromCommandContext f) {
            List<String> indices = f.indexPattern().stream().map(this::indexName).toList();
            List<NamePattern> meta = f.metadata() == null ? List.of()
                    : f.metadata().projName().stream().map(n -> name(n, n.getText())).toList();
            return new From(loc(ctx), indices, meta);
        }
        if (ctx instanceof RowCommandContext r) {
            return new Row(loc(ctx), r.field().stream().map(this::assign).toList());
        }
        ShowCommandContext s = (ShowCommandContext) ctx;
        return new Show(loc(ctx), s.IDENTIFIER().getText());
    }

    private String indexName(IndexPatternContext ctx) {
        return ctx.STRING() != null ? unquoteString(ctx.STRING().getText()) : ctx.getText();
    }

    private EsqlCommand processing(ProcessingCommandContext ctx) {
        Loc loc = loc(ctx);
        if (ctx instanceof WhereCommandContext w) {
            return new Where(loc, expr(w.booleanExpression()));
        }
        if (ctx instanceof EvalCommandContext e) {
            return new Eval(loc, e.field().stream().map(this::assign).toList());
        }
        if (ctx instanceof StatsCommandContext s) {
            return new Stats(loc, aggregates(s.aggFields()), groups(s.groupings()), false);
        }
        if (ctx instanceof InlineStatsCommandContext s) {
            return new Stats(loc, aggregates(s.aggFields()), groups(s.groupings()), true);
        }
        if (ctx instanceof SortCommandContext s) {
            return new Sort(loc, s.order().stream().map(this::order).toList());
        }
        if (ctx instanceof LimitCommandContext l) {
            return new Limit(loc, constant(l.limitValue));
        }
        if (ctx instanceof KeepCommandContext k) {
            return new Keep(loc, k.projPattern().stream().map(p -> name(p, p.getText())).toList());
        }
        if (ctx instanceof DropCommandContext d) {
            return new Drop(loc, d.projPattern().stream().map(p -> name(p, p.getText())).toList());
        }
        if (ctx instanceof RenameCommandContext r) {
            return new Rename(loc, r.renameClause().stream().map(this::rename).toList());
        }
        if (ctx instanceof MvExpandCommandContext m) {
            return new MvExpand(loc, name(m.projName(), m.projName().getText()));
        }
        if (ctx instanceof DissectCommandContext d) {
            Map<String, EsqlExpr> options = new LinkedHashMap<>();
            for (CommandOptionContext o : d.commandOption()) {
                options.put(o.IDENTIFIER().getText(), constant(o.constant()));
            }
            return new Dissect(loc, primary(d.primaryExpression()), string(d.pattern), options);
        }
        if (ctx instanceof GrokCommandContext g) {
            return new Grok(loc, primary(g.primaryExpression()), g.string().stream().map(this::string).toList());
        }
        if (ctx instanceof EnrichCommandContext e) {
            Optional<NamePattern> on = e.projName() == null ? Optional.empty()
                    : Optional.of(name(e.projName(), e.projName().getText()));
            List<EnrichPair> with = e.enrichClause().stream().map(c -> new EnrichPair(
                    c.newName == null ? Optional.empty() : Optional.of(name(c.newName, c.newName.getText())),
                    name(c.enrichField, c.enrichField.getText()))).toList();
            return new Enrich(loc, e.policy.getText(), on, with);
        }
        if (ctx instanceof LookupJoinCommandContext j) {
            return new LookupJoin(loc, indexName(j.indexPattern()),
                    j.projName().stream().map(n -> name(n, n.getText())).toList());
        }
        if (ctx instanceof CompletionCommandContext c) {
            return new Completion(loc, Optional.ofNullable(c.qualifiedName()).map(this::qualifiedName),
                    primary(c.primaryExpression()), Optional.ofNullable(c.completionOptions().mapExpression()).map(EsqlAstBuilder::loc));
        }
        if (ctx instanceof SampleCommandContext) {
            return new Other(loc, "SAMPLE");
        }
        return new Other(loc, "CHANGE_POINT");
    }

    private List<Aggregate> aggregates(AggFieldsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.aggField().stream().map(a -> new Aggregate(assign(a.field()),
                Optional.ofNullable(a.booleanExpression()).map(this::expr))).toList();
    }

    private List<Assign> groups(GroupingsContext ctx) {
        return ctx == null ? List.of() : ctx.field().stream().map(this::assign).toList();
    }

    private Order order(OrderContext ctx) {
        Optional<Boolean> nullsFirst = ctx.nullOrder == null ? Optional.empty()
                : Optional.of(ctx.nullOrder.getType() == EsqlBaseLexer.FIRST);
        return new Order(expr(ctx.booleanExpression()),
                ctx.ordering != null && ctx.ordering.getType() == EsqlBaseLexer.DESC, nullsFirst);
    }

    private RenamePair rename(RenameClauseContext ctx) {
        if (ctx instanceof RenameAsContext r) {
            return new RenamePair(name(r.oldName, r.oldName.getText()), name(r.newName, r.newName.getText()));
        }
        RenameAssignContext r = (RenameAssignContext) ctx;
        return new RenamePair(name(r.oldName, r.oldName.getText()), name(r.newName, r.newName.getText()));
    }

    private Assign assign(FieldContext ctx) {
        Optional<String> name = Optional.ofNullable(ctx.qualifiedName()).map(this::qualifiedName);
        return new Assign(loc(ctx), name, expr(ctx.booleanExpression()));
    }

    private NamePattern name(ParserRuleContext ctx, String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            String part = ctx.getChild(i).getText();
            sb.append(part.startsWith("`") ? unquoteIdentifier(part) : part);
        }
        return new NamePattern(loc(ctx), sb.length() == 0 ? raw : sb.toString());
    }

    // ------------------------------------------------------------------ expressions

    EsqlExpr expr(BooleanExpressionContext ctx) {
        deeper(ctx);
        try {
            return booleanExpr(ctx);
        } finally {
            depth--;
        }
    }

    private void deeper(ParserRuleContext ctx) {
        if (++depth > NestingGuard.MAX_EXPRESSION_DEPTH) {
            Loc at = loc(ctx);
            throw new EsqlParser.SyntaxError(at.line(), at.column(), "expression is nested or chained more than "
                    + NestingGuard.MAX_EXPRESSION_DEPTH + " levels deep; split it into simpler expressions");
        }
    }

    private EsqlExpr booleanExpr(BooleanExpressionContext ctx) {
        Loc loc = loc(ctx);
        String text = text(ctx);
        if (ctx instanceof LogicalNotContext n) {
            return new EsqlExpr.Not(loc, text, expr(n.booleanExpression()));
        }
        if (ctx instanceof PredicatedContext p) {
            return predicated(loc, text, value(p.valueExpression()), p.predicate());
        }
        if (ctx instanceof MatchOperatorContext m) {
            EsqlExpr field = column(m.qualifiedName());
            if (m.dataType() != null) {
                field = new EsqlExpr.Cast(loc, text(m.qualifiedName()) + "::" + m.dataType().getText(), field,
                        m.dataType().getText());
            }
            return new EsqlExpr.MatchOp(loc, text, field, constant(m.constant()));
        }
        LogicalBinaryContext b = (LogicalBinaryContext) ctx;
        return new EsqlExpr.Binary(loc, text, b.operator.getText().toLowerCase(Locale.ROOT), expr(b.left), expr(b.right));
    }

    /** A value, or the LIKE / RLIKE / IN / IS NULL test that follows it. */
    private EsqlExpr predicated(Loc loc, String text, EsqlExpr value, PredicateContext predicate) {
        if (predicate == null) {
            return value;
        }
        if (predicate instanceof LikePredicateContext l) {
            return new EsqlExpr.Like(loc, text, value, List.of(string(l.string())),
                    l.kind.getType() == EsqlBaseLexer.RLIKE, l.NOT() != null);
        }
        if (predicate instanceof LikeListPredicateContext l) {
            return new EsqlExpr.Like(loc, text, value, l.string().stream().map(this::string).toList(),
                    l.kind.getType() == EsqlBaseLexer.RLIKE, l.NOT() != null);
        }
        if (predicate instanceof InPredicateContext in) {
            return new EsqlExpr.In(loc, text, value, in.valueExpression().stream().map(this::value).toList(),
                    in.NOT() != null);
        }
        IsNullPredicateContext n = (IsNullPredicateContext) predicate;
        return new EsqlExpr.IsNull(loc, text, value, n.NOT() != null);
    }

    private EsqlExpr value(ValueExpressionContext ctx) {
        if (ctx.comparisonOperator() == null) {
            return operator(ctx.left);
        }
        return new EsqlExpr.Binary(loc(ctx), text(ctx), ctx.comparisonOperator().getText(), operator(ctx.left),
                operator(ctx.right));
    }

    private EsqlExpr operator(OperatorExpressionContext ctx) {
        deeper(ctx);
        try {
            return arithmetic(ctx);
        } finally {
            depth--;
        }
    }

    private EsqlExpr arithmetic(OperatorExpressionContext ctx) {
        if (ctx instanceof OperatorDefaultContext d) {
            return primary(d.primaryExpression());
        }
        if (ctx instanceof ArithmeticUnaryContext u) {
            EsqlExpr operand = operator(u.operatorExpression());
            return u.operator.getType() == EsqlBaseLexer.MINUS ? new EsqlExpr.Negate(loc(ctx), text(ctx), operand) : operand;
        }
        ArithmeticBinaryContext b = (ArithmeticBinaryContext) ctx;
        return new EsqlExpr.Binary(loc(ctx), text(ctx), b.operator.getText(), operator(b.left), operator(b.right));
    }

    EsqlExpr primary(PrimaryExpressionContext ctx) {
        if (ctx instanceof ConstantDefaultContext c) {
            return constant(c.constant());
        }
        if (ctx instanceof DereferenceContext d) {
            return column(d.qualifiedName());
        }
        if (ctx instanceof FunctionContext f) {
            FunctionExpressionContext fe = f.functionExpression();
            List<EsqlExpr> args = new ArrayList<>();
            for (FunctionArgumentContext a : fe.functionArgument()) {
                args.add(a.mapExpression() != null ? map(a.mapExpression()) : expr(a.booleanExpression()));
            }
            String name = fe.functionName().getText();
            if (name.startsWith("`")) {
                name = unquoteIdentifier(name);
            }
            return new EsqlExpr.Call(loc(ctx), text(ctx), name, args, fe.ASTERISK() != null);
        }
        if (ctx instanceof ParenthesizedExpressionContext p) {
            return expr(p.booleanExpression());
        }
        InlineCastContext c = (InlineCastContext) ctx;
        deeper(ctx);
        try {
            return new EsqlExpr.Cast(loc(ctx), text(ctx), primary(c.primaryExpression()), c.dataType().getText());
        } finally {
            depth--;
        }
    }

    private EsqlExpr column(QualifiedNameContext ctx) {
        if (ctx.identifierOrParam().size() == 1 && ctx.identifierOrParam(0).PARAM() != null) {
            return new EsqlExpr.Param(loc(ctx), text(ctx), ctx.getText().replaceFirst("^\\?+", ""));
        }
        return new EsqlExpr.Column(loc(ctx), text(ctx), qualifiedName(ctx));
    }

    private String qualifiedName(QualifiedNameContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (IdentifierOrParamContext part : ctx.identifierOrParam()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            String t = part.getText();
            sb.append(t.startsWith("`") ? unquoteIdentifier(t) : t);
        }
        return sb.toString();
    }

    private EsqlExpr map(MapExpressionContext ctx) {
        Map<String, EsqlExpr> entries = new LinkedHashMap<>();
        for (EntryContext e : ctx.entry()) {
            entries.put(string(e.key), constant(e.value));
        }
        return new EsqlExpr.MapLit(loc(ctx), text(ctx), entries);
    }

    EsqlExpr constant(ConstantContext ctx) {
        Loc loc = loc(ctx);
        String text = text(ctx);
        if (ctx instanceof NullLiteralContext) {
            return new EsqlExpr.Literal(loc, text, EsqlExpr.Literal.NULL, EsqlType.NULL);
        }
        if (ctx instanceof TimeSpanLiteralContext t) {
            String unit = t.identifier().getText().toLowerCase(Locale.ROOT);
            EsqlType type = TimeUnits.isPeriod(unit) ? EsqlType.DATE_PERIOD : EsqlType.TIME_DURATION;
            return new EsqlExpr.Literal(loc, text, text, TimeUnits.isKnown(unit) ? type : EsqlType.UNSUPPORTED);
        }
        if (ctx instanceof DecimalLiteralContext d) {
            return new EsqlExpr.Literal(loc, text, Double.parseDouble(d.getText()), EsqlType.DOUBLE);
        }
        if (ctx instanceof IntegerLiteralContext i) {
            return integer(loc, text, i.getText());
        }
        if (ctx instanceof BooleanLiteralContext) {
            return new EsqlExpr.Literal(loc, text, Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)), EsqlType.BOOLEAN);
        }
        if (ctx instanceof ParameterContext) {
            return new EsqlExpr.Param(loc, text, text.replaceFirst("^\\?+", ""));
        }
        if (ctx instanceof StringLiteralContext s) {
            return new EsqlExpr.Literal(loc, text, string(s.string()), EsqlType.KEYWORD);
        }
        if (ctx instanceof StringArrayLiteralContext s) {
            return new EsqlExpr.Literal(loc, text, s.string().stream().map(this::string).toList(), EsqlType.KEYWORD);
        }
        if (ctx instanceof BooleanArrayLiteralContext b) {
            return new EsqlExpr.Literal(loc, text,
                    b.booleanValue().stream().map(v -> v.TRUE() != null).toList(), EsqlType.BOOLEAN);
        }
        NumericArrayLiteralContext n = (NumericArrayLiteralContext) ctx;
        boolean decimal = n.numericValue().stream().anyMatch(v -> v.decimalValue() != null);
        List<Object> values = new ArrayList<>();
        for (NumericValueContext v : n.numericValue()) {
            values.add(decimal ? Double.parseDouble(v.getText()) : ((EsqlExpr.Literal) integer(loc, text, v.getText())).value());
        }
        return new EsqlExpr.Literal(loc, text, values, decimal ? EsqlType.DOUBLE : EsqlType.INTEGER);
    }

    private EsqlExpr integer(Loc loc, String text, String digits) {
        try {
            long v = Long.parseLong(digits);
            return new EsqlExpr.Literal(loc, text, v,
                    v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? EsqlType.INTEGER : EsqlType.LONG);
        } catch (NumberFormatException e) {
            return new EsqlExpr.Literal(loc, text, Double.parseDouble(digits), EsqlType.UNSIGNED_LONG);
        }
    }

    // ------------------------------------------------------------------ text helpers

    String string(StringContext ctx) {
        return unquoteString(ctx.getText());
    }

    static String unquoteString(String quoted) {
        if (quoted.startsWith("\"\"\"")) {
            return quoted.substring(3, quoted.length() - 3);
        }
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                switch (n) {
                    case 't' -> sb.append('\t');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    default -> sb.append('\\').append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unquoteIdentifier(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("``", "`");
    }

    static Loc loc(ParserRuleContext ctx) {
        Token t = ctx.getStart();
        return new Loc(t.getLine(), t.getCharPositionInLine() + 1);
    }

    private static String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (stop == null || stop.getStopIndex() < start.getStartIndex()) {
            return ctx.getText();
        }
        return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }
}
