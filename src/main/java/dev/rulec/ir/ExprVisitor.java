package dev.rulec.ir;

/** One method per {@link Expr} node; implement it to get a compile-time exhaustive walk over the tree. */
public interface ExprVisitor<R> {
    R visitAnd(Expr.And e);

    R visitOr(Expr.Or e);

    R visitNot(Expr.Not e);

    R visitConst(Expr.Const e);

    R visitMatch(Expr.Match e);

    R visitExists(Expr.Exists e);

    R visitRange(Expr.Range e);

    R visitCidr(Expr.Cidr e);

    R visitRegex(Expr.Regex e);

    R visitFieldRef(Expr.FieldRef e);

    R visitKeyword(Expr.Keyword e);

    R visitNested(Expr.Nested e);
}
