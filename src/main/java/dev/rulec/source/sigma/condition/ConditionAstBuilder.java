package dev.rulec.source.sigma.condition;

import dev.rulec.lang.esql.NestingGuard;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.Optional;

/** Parse tree in, immutable {@link Cond} out: one visit method per labelled alternative. */
final class ConditionAstBuilder extends SigmaConditionBaseVisitor<Cond> {

    /** How deep the tree being built is: long and/or chains are left-deep, and later walks recurse over them. */
    private int depth;

    @Override
    public Cond visit(ParseTree tree) {
        if (++depth > NestingGuard.MAX_EXPRESSION_DEPTH) {
            int offset = tree instanceof ParserRuleContext c ? c.getStart().getStartIndex() : 0;
            throw new ConditionParser.SyntaxError(offset, "condition is nested or chained more than "
                    + NestingGuard.MAX_EXPRESSION_DEPTH + " levels deep; group the selections with 1 of / all of");
        }
        try {
            return super.visit(tree);
        } finally {
            depth--;
        }
    }

    @Override
    public Cond visitCondition(SigmaConditionParser.ConditionContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public Cond visitParenExpr(SigmaConditionParser.ParenExprContext ctx) {
        return visit(ctx.inner);
    }

    @Override
    public Cond visitNotExpr(SigmaConditionParser.NotExprContext ctx) {
        return new Cond.Not(visit(ctx.operand), ctx.getStart().getStartIndex());
    }

    @Override
    public Cond visitAndExpr(SigmaConditionParser.AndExprContext ctx) {
        return new Cond.And(visit(ctx.left), visit(ctx.right), ctx.getStart().getStartIndex());
    }

    @Override
    public Cond visitOrExpr(SigmaConditionParser.OrExprContext ctx) {
        return new Cond.Or(visit(ctx.left), visit(ctx.right), ctx.getStart().getStartIndex());
    }

    @Override
    public Cond visitOfExpr(SigmaConditionParser.OfExprContext ctx) {
        Cond.Quantifier q = ctx.quantifier.getType() == SigmaConditionParser.ALL
                ? Cond.Quantifier.ALL : Cond.Quantifier.ANY;
        Optional<String> pattern = ctx.pattern == null ? Optional.empty() : Optional.of(ctx.pattern.getText());
        return new Cond.Of(q, pattern, ctx.getStart().getStartIndex());
    }

    @Override
    public Cond visitIdentExpr(SigmaConditionParser.IdentExprContext ctx) {
        return new Cond.Ident(ctx.name.getText(), ctx.name.getStartIndex());
    }
}
