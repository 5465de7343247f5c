package dev.rulec.lint.checks;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;

import java.util.LinkedHashSet;
import java.util.Set;

/** The field names an IR tree compares, in order of first appearance; nested fields with their full path. */
final class FieldNames implements ExprVisitor<Void> {

    private final Set<String> names = new LinkedHashSet<>();
    private final String prefix;

    private FieldNames(String prefix) {
        this.prefix = prefix;
    }

    static Set<String> of(Expr e) {
        FieldNames v = new FieldNames("");
        e.accept(v);
        return v.names;
    }

    private Void add(String f) {
        names.add(prefix.isEmpty() || f.startsWith(prefix) ? f : prefix + f);
        return null;
    }

    public Void visitAnd(Expr.And e) {
        e.terms().forEach(t -> t.accept(this));
        return null;
    }

    public Void visitOr(Expr.Or e) {
        e.terms().forEach(t -> t.accept(this));
        return null;
    }

    public Void visitNot(Expr.Not e) {
        return e.term().accept(this);
    }

    public Void visitConst(Expr.Const e) {
        return null;
    }

    public Void visitMatch(Expr.Match e) {
        return add(e.field());
    }

    public Void visitExists(Expr.Exists e) {
        return add(e.field());
    }

    public Void visitRange(Expr.Range e) {
        return add(e.field());
    }

    public Void visitCidr(Expr.Cidr e) {
        return add(e.field());
    }

    public Void visitRegex(Expr.Regex e) {
        return add(e.field());
    }

    public Void visitFieldRef(Expr.FieldRef e) {
        add(e.field());
        return add(e.otherField());
    }

    public Void visitKeyword(Expr.Keyword e) {
        return null;
    }

    public Void visitNested(Expr.Nested e) {
        add(e.path());
        FieldNames inner = new FieldNames(e.path() + ".");
        e.term().accept(inner);
        names.addAll(inner.names);
        return null;
    }
}
