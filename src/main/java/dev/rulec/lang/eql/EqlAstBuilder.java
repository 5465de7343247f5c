package dev.rulec.lang.eql;

import dev.rulec.lang.eql.EqlBaseParser.*;
import dev.rulec.lang.esql.NestingGuard;
import org.antlr.v4.runtime.ParserRuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parse tree in, immutable EQL AST out. */
final class EqlAstBuilder {

    /** How deep the expression being built is: capped so deep trees cannot overflow the stack of later walks. */
    private int depth;

    EqlQuery statement(StatementContext ctx) {
        List<EqlQuery.Pipe> pipes = ctx.pipe().stream().map(p -> new EqlQuery.Pipe(
                p.name.getText().toLowerCase(Locale.ROOT), p.expression().stream().map(this::expr).toList())).toList();
        QueryContext q = ctx.query();
        if (q instanceof EventStatementContext e) {
            return new EqlQuery.Event(event(e.eventQuery()), pipes);
        }
        if (q instanceof SequenceContext s) {
            List<EqlQuery.Term> terms = new ArrayList<>();
            for (SequenceTermContext t : s.sequenceTerm()) {
                terms.add(term(t.subquery(), t.BANG() != null,
                        t.INTEGER() == null ? Optional.empty() : Optional.of(Long.parseLong(t.INTEGER().getText()))));
            }
            Optional<EqlQuery.Term> until = s.subquery() == null ? Optional.empty()
                    : Optional.of(term(s.subquery(), false, Optional.empty()));
            return new EqlQuery.Sequence(keys(s.joinKeys()), Optional.ofNullable(s.timeSpan()).map(ParserRuleContext::getText),
                    terms, until, pipes);
        }
        if (q instanceof SampleContext s) {
            return new EqlQuery.Sample(keys(s.joinKeys()),
                    s.subquery().stream().map(t -> term(t, false, Optional.empty())).toList(), pipes);
        }
        JoinContext j = (JoinContext) q;
        return new EqlQuery.Sample(keys(j.joinKeys()),
                j.subquery().stream().map(t -> term(t, false, Optional.empty())).toList(), pipes);
    }

    private EqlQuery.Term term(SubqueryContext ctx, boolean missing, Optional<Long> runs) {
        return new EqlQuery.Term(event(ctx.eventQuery()), keys(ctx.joinKeys()), missing, runs);
    }

    private List<EqlExpr> keys(JoinKeysContext ctx) {
        return ctx == null ? List.of() : ctx.expression().stream().map(this::expr).toList();
    }

    private EqlQuery.EventQuery event(EventQueryContext ctx) {
        String category = ctx.category.STRING() != null ? unquote(ctx.category.getText()) : ctx.category.getText();
        return new EqlQuery.EventQuery(category, expr(ctx.expression()));
    }

    EqlExpr expr(ExpressionContext ctx) {
        deeper(ctx);
        try {
            return logical(ctx);
        } finally {
            depth--;
        }
    }

    private void deeper(ParserRuleContext ctx) {
        if (++depth > NestingGuard.MAX_EXPRESSION_DEPTH) {
            throw new EqlParser.Failure(new EqlParser.SyntaxError(ctx.getStart().getLine(),
                    ctx.getStart().getCharPositionInLine() + 1, "expression is nested or chained more than "
                    + NestingGuard.MAX_EXPRESSION_DEPTH + " levels deep; split it into simpler expressions"));
        }
    }

    private EqlExpr logical(ExpressionContext ctx) {
        int l = ctx.getStart().getLine();
        int c = ctx.getStart().getCharPositionInLine() + 1;
        if (ctx instanceof LogicalNotContext n) {
            return new EqlExpr.Not(l, c, expr(n.expression()));
        }
        if (ctx instanceof LogicalAndContext a) {
            return new EqlExpr.Binary(l, c, "and", expr(a.left), expr(a.right));
        }
        if (ctx instanceof LogicalOrContext o) {
            return new EqlExpr.Binary(l, c, "or", expr(o.left), expr(o.right));
        }
        return predicate(((PredicateDefaultContext) ctx).predicate());
    }

    private EqlExpr predicate(PredicateContext ctx) {
        int l = ctx.getStart().getLine();
        int c = ctx.getStart().getCharPositionInLine() + 1;
        EqlExpr value = value(ctx.value);
        PredicateTailContext tail = ctx.predicateTail();
        if (tail instanceof InTailContext in) {
            return new EqlExpr.In(l, c, value, in.valueExpression().stream().map(this::value).toList(),
                    in.kind.getType() == EqlBaseLexer.IN_INSENSITIVE, in.NOT() != null);
        }
        if (tail instanceof StringTailContext s) {
            return new EqlExpr.StringMatch(l, c, value, s.kind.getText().toLowerCase(Locale.ROOT),
                    s.constant().stream().map(this::constant).toList());
        }
        return value;
    }

    private EqlExpr value(ValueExpressionContext ctx) {
        if (ctx.comparisonOperator() == null) {
            return operator(ctx.left);
        }
        return new EqlExpr.Binary(ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1,
                ctx.comparisonOperator().getText(), operator(ctx.left), operator(ctx.right));
    }

    private EqlExpr operator(OperatorExpressionContext ctx) {
        deeper(ctx);
        try {
            return arithmetic(ctx);
        } finally {
            depth--;
        }
    }

    private EqlExpr arithmetic(OperatorExpressionContext ctx) {
        int l = ctx.getStart().getLine();
        int c = ctx.getStart().getCharPositionInLine() + 1;
        if (ctx instanceof PrimaryDefaultContext p) {
            return primary(p.primaryExpression());
        }
        if (ctx instanceof ArithmeticUnaryContext u) {
            EqlExpr operand = operator(u.operatorExpression());
            return u.operator.getType() == EqlBaseLexer.MINUS ? new EqlExpr.Negate(l, c, operand) : operand;
        }
        ArithmeticBinaryContext b = (ArithmeticBinaryContext) ctx;
        return new EqlExpr.Binary(l, c, b.operator.getText(), operator(b.left), operator(b.right));
    }

    private EqlExpr primary(PrimaryExpressionContext ctx) {
        int l = ctx.getStart().getLine();
        int c = ctx.getStart().getCharPositionInLine() + 1;
        if (ctx instanceof ConstantDefaultContext k) {
            return constant(k.constant());
        }
        if (ctx instanceof FunctionContext f) {
            FunctionExpressionContext fe = f.functionExpression();
            return new EqlExpr.Call(l, c, name(fe.functionName().identifier()), fe.functionName().TILDE() != null,
                    fe.expression().stream().map(this::expr).toList());
        }
        if (ctx instanceof DereferenceContext d) {
            StringBuilder path = new StringBuilder();
            QualifiedNameContext q = d.qualifiedName();
            for (int i = 0; i < q.getChildCount(); i++) {
                var child = q.getChild(i);
                path.append(child instanceof IdentifierContext id ? name(id) : child.getText());
            }
            return new EqlExpr.Field(l, c, path.toString(), d.QUESTION() != null);
        }
        return expr(((ParenthesizedContext) ctx).expression());
    }

    private EqlExpr constant(ConstantContext ctx) {
        int l = ctx.getStart().getLine();
        int c = ctx.getStart().getCharPositionInLine() + 1;
        if (ctx instanceof NullLiteralContext) {
            return new EqlExpr.Literal(l, c, "null", true);
        }
        if (ctx instanceof BooleanLiteralContext) {
            return new EqlExpr.Literal(l, c, ctx.getText().equalsIgnoreCase("true"), false);
        }
        if (ctx instanceof StringLiteralContext) {
            return new EqlExpr.Literal(l, c, unquote(ctx.getText()), false);
        }
        NumberContext n = ((NumericLiteralContext) ctx).number();
        if (n.INTEGER() != null) {
            try {
                return new EqlExpr.Literal(l, c, Long.parseLong(n.getText()), false);
            } catch (NumberFormatException e) {
                return new EqlExpr.Literal(l, c, Double.parseDouble(n.getText()), false);
            }
        }
        return new EqlExpr.Literal(l, c, Double.parseDouble(n.getText()), false);
    }

    private static String name(IdentifierContext id) {
        String t = id.getText();
        return t.startsWith("`") ? t.substring(1, t.length() - 1).replace("``", "`") : t;
    }

    /** The value of a string literal: {@code """raw"""}, {@code ?"raw"}, or quoted with backslash escapes. */
    static String unquote(String quoted) {
        if (quoted.startsWith("\"\"\"")) {
            return quoted.substring(3, quoted.length() - 3);
        }
        if (quoted.startsWith("?\"")) {
            return quoted.substring(2, quoted.length() - 1);
        }
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case '"', '\'', '\\' -> sb.append(n);
                    default -> sb.append('\\').append(n);
                }
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
