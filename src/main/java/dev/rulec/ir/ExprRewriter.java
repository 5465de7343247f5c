package dev.rulec.ir;

/**
 * A rewrite of the tree, bottom-up: compound nodes are rebuilt from their rewritten children and leaves are kept.
 * Subclasses override the nodes they change.
 */
public abstract class ExprRewriter implements ExprVisitor<Expr> {

    @Override
    public Expr visitAnd(Expr.And e) {
        return new Expr.And(e.terms().stream().map(t -> t.accept(this)).toList());
    }

    @Override
    public Expr visitOr(Expr.Or e) {
        return new Expr.Or(e.terms().stream().map(t -> t.accept(this)).toList());
    }

    @Override
    public Expr visitNot(Expr.Not e) {
        return new Expr.Not(e.term().accept(this));
    }

    @Override
    public Expr visitNested(Expr.Nested e) {
        return new Expr.Nested(e.path(), e.term().accept(this));
    }

    @Override
    public Expr visitConst(Expr.Const e) {
        return e;
    }

    @Override
    public Expr visitMatch(Expr.Match e) {
        return e;
    }

    @Override
    public Expr visitExists(Expr.Exists e) {
        return e;
    }

    @Override
    public Expr visitRange(Expr.Range e) {
        return e;
    }

    @Override
    public Expr visitCidr(Expr.Cidr e) {
        return e;
    }

    @Override
    public Expr visitRegex(Expr.Regex e) {
        return e;
    }

    @Override
    public Expr visitFieldRef(Expr.FieldRef e) {
        return e;
    }

    @Override
    public Expr visitKeyword(Expr.Keyword e) {
        return e;
    }
}
