package dev.rulec.ir;

import java.util.LinkedHashSet;
import java.util.Set;

/** The field names an IR tree compares, in order of first appearance; nested fields with their full path. */
public final class FieldNames extends ExprWalker {

    private final Set<String> names = new LinkedHashSet<>();
    private final String prefix;

    private FieldNames(String prefix) {
        this.prefix = prefix;
    }

    public static Set<String> of(Expr e) {
        FieldNames v = new FieldNames("");
        e.accept(v);
        return v.names;
    }

    private Void add(String f) {
        names.add(prefix.isEmpty() || f.startsWith(prefix) ? f : prefix + f);
        return null;
    }

    @Override
    public Void visitMatch(Expr.Match e) {
        return add(e.field());
    }

    @Override
    public Void visitExists(Expr.Exists e) {
        return add(e.field());
    }

    @Override
    public Void visitRange(Expr.Range e) {
        return add(e.field());
    }

    @Override
    public Void visitCidr(Expr.Cidr e) {
        return add(e.field());
    }

    @Override
    public Void visitRegex(Expr.Regex e) {
        return add(e.field());
    }

    @Override
    public Void visitFieldRef(Expr.FieldRef e) {
        add(e.field());
        return add(e.otherField());
    }

    @Override
    public Void visitNested(Expr.Nested e) {
        add(e.path());
        FieldNames inner = new FieldNames(e.path() + ".");
        e.term().accept(inner);
        names.addAll(inner.names);
        return null;
    }
}
