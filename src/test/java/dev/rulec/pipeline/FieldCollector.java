package dev.rulec.pipeline;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;

import java.util.LinkedHashSet;
import java.util.Set;

/** Every field an IR tree reads. */
final class FieldCollector implements ExprVisitor<Set<String>> {
    private final Set<String> fields = new LinkedHashSet<>();

    static Set<String> of(Expr e) {
        return e.accept(new FieldCollector());
    }

    private Set<String> add(String f) {
        fields.add(f);
        return fields;
    }

    public Set<String> visitAnd(Expr.And e) {
        e.terms().forEach(t -> t.accept(this));
        return fields;
    }

    public Set<String> visitOr(Expr.Or e) {
        e.terms().forEach(t -> t.accept(this));
        return fields;
    }

    public Set<String> visitNot(Expr.Not e) {
        return e.term().accept(this);
    }

    public Set<String> visitConst(Expr.Const e) {
        return fields;
    }

    public Set<String> visitMatch(Expr.Match e) {
        return add(e.field());
    }

    public Set<String> visitExists(Expr.Exists e) {
        return add(e.field());
    }

    public Set<String> visitRange(Expr.Range e) {
        return add(e.field());
    }

    public Set<String> visitCidr(Expr.Cidr e) {
        return add(e.field());
    }

    public Set<String> visitRegex(Expr.Regex e) {
        return add(e.field());
    }

    public Set<String> visitFieldRef(Expr.FieldRef e) {
        add(e.field());
        return add(e.otherField());
    }

    public Set<String> visitKeyword(Expr.Keyword e) {
        return fields;
    }

    public Set<String> visitNested(Expr.Nested e) {
        add(e.path());
        return e.term().accept(this);
    }
}
