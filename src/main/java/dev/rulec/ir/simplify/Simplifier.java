package dev.rulec.ir.simplify;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprRewriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites that never change meaning under the IR's two-valued semantics: constants folded out of And/Or/Not,
 * double negation removed, duplicate terms of one And/Or removed (keeping the first), nesting flattened.
 */
public final class Simplifier extends ExprRewriter {

    private static final Simplifier INSTANCE = new Simplifier();

    private Simplifier() {
    }

    public static Expr simplify(Expr e) {
        return e.accept(INSTANCE);
    }

    @Override
    public Expr visitAnd(Expr.And e) {
        Set<Expr> terms = new LinkedHashSet<>();
        for (Expr t : e.terms()) {
            Expr s = t.accept(this);
            if (s instanceof Expr.Const c) {
                if (!c.value()) {
                    return c;
                }
                continue;
            }
            if (s instanceof Expr.And a) {
                terms.addAll(a.terms());
            } else {
                terms.add(s);
            }
        }
        return Expr.allOf(new ArrayList<>(terms));
    }

    @Override
    public Expr visitOr(Expr.Or e) {
        Set<Expr> terms = new LinkedHashSet<>();
        for (Expr t : e.terms()) {
            Expr s = t.accept(this);
            if (s instanceof Expr.Const c) {
                if (c.value()) {
                    return c;
                }
                continue;
            }
            if (s instanceof Expr.Or o) {
                terms.addAll(o.terms());
            } else {
                terms.add(s);
            }
        }
        return Expr.anyOf(new ArrayList<>(terms));
    }

    @Override
    public Expr visitNot(Expr.Not e) {
        Expr inner = e.term().accept(this);
        if (inner instanceof Expr.Const c) {
            return new Expr.Const(!c.value());
        }
        if (inner instanceof Expr.Not n) {
            return n.term();
        }
        return Expr.not(inner);
    }

    @Override
    public Expr visitNested(Expr.Nested e) {
        return new Expr.Nested(e.path(), e.term().accept(this));
    }

}
