package dev.rulec.ir;

/**
 * A read-only walk over the tree: compound nodes visit their children, leaves do nothing.
 * Subclasses override the nodes they look at (typically the field predicates).
 */
public abstract class ExprWalker implements ExprVisitor<Void> {

    @Override
    public Void visitAnd(Expr.And e) {
        e.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    public Void visitOr(Expr.Or e) {
        e.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    public Void visitNot(Expr.Not e) {
        return e.term().accept(this);
    }

    @Override
    public Void visitNested(Expr.Nested e) {
        return e.term().accept(this);
    }

    @Override
    public Void visitConst(Expr.Const e) {
        return null;
    }

    @Override
    public Void visitMatch(Expr.Match e) {
        return null;
    }

    @Override
    public Void visitExists(Expr.Exists e) {
        return null;
    }

    @Override
    public Void visitRange(Expr.Range e) {
        return null;
    }

    @Override
    public Void visitCidr(Expr.Cidr e) {
        return null;
    }

    @Override
    public Void visitRegex(Expr.Regex e) {
        return null;
    }

    @Override
    public Void visitFieldRef(Expr.FieldRef e) {
        return null;
    }

    @Override
    public Void visitKeyword(Expr.Keyword e) {
        return null;
    }
}
