package dev.rulec.source.sigma.condition;

import java.util.Optional;

/** Parse tree in, immutable {@link Cond} out: one visit method per labelled alternative. */
final class ConditionAstBuilder extends SigmaConditionBaseVisitor<Cond> {

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
