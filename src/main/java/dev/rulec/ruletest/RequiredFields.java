package dev.rulec.ruletest;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields every event matching a tree must have (a predicate on an absent field is false): all of an
 * {@code And}'s terms' fields, the fields common to an {@code Or}'s terms, none under {@code Not}.
 */
public final class RequiredFields implements ExprVisitor<Set<String>> {

    public static Set<String> of(Expr e) {
        return e.accept(new RequiredFields());
    }

    @Override
    public Set<String> visitAnd(Expr.And e) {
        Set<String> s = new HashSet<>();
        e.terms().forEach(t -> s.addAll(t.accept(this)));
        return s;
    }

    @Override
    public Set<String> visitOr(Expr.Or e) {
        List<Expr> terms = e.terms();
        if (terms.isEmpty()) {
            return Set.of();
        }
        Set<String> s = new HashSet<>(terms.get(0).accept(this));
        for (Expr t : terms.subList(1, terms.size())) {
            s.retainAll(t.accept(this));
        }
        return s;
    }

    @Override
    public Set<String> visitNot(Expr.Not e) {
        return Set.of();
    }

    @Override
    public Set<String> visitConst(Expr.Const e) {
        return Set.of();
    }

    @Override
    public Set<String> visitMatch(Expr.Match e) {
        return Set.of(e.field());
    }

    @Override
    public Set<String> visitExists(Expr.Exists e) {
        return Set.of(e.field());
    }

    @Override
    public Set<String> visitRange(Expr.Range e) {
        return Set.of(e.field());
    }

    @Override
    public Set<String> visitCidr(Expr.Cidr e) {
        return Set.of(e.field());
    }

    @Override
    public Set<String> visitRegex(Expr.Regex e) {
        return Set.of(e.field());
    }

    @Override
    public Set<String> visitFieldRef(Expr.FieldRef e) {
        return Set.of();
    }

    @Override
    public Set<String> visitKeyword(Expr.Keyword e) {
        return Set.of();
    }

    @Override
    public Set<String> visitNested(Expr.Nested e) {
        return Set.of();
    }
}
