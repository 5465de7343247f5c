package dev.rulec.lang.esql;

import dev.rulec.lang.esql.EsqlCommand.*;
import dev.rulec.lang.esql.EsqlExpr.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walking ES|QL trees: the direct children of an expression, the expressions of a command. */
public final class EsqlTrees {
    private EsqlTrees() {
    }

    public static List<EsqlExpr> children(EsqlExpr e) {
        if (e instanceof Call c) {
            return c.args();
        }
        if (e instanceof Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Not n) {
            return List.of(n.operand());
        }
        if (e instanceof Negate n) {
            return List.of(n.operand());
        }
        if (e instanceof In in) {
            List<EsqlExpr> all = new ArrayList<>();
            all.add(in.value());
            all.addAll(in.list());
            return all;
        }
        if (e instanceof Like l) {
            return List.of(l.value());
        }
        if (e instanceof IsNull n) {
            return List.of(n.value());
        }
        if (e instanceof Cast c) {
            return List.of(c.value());
        }
        if (e instanceof MatchOp m) {
            return List.of(m.field(), m.query());
        }
        if (e instanceof MapLit m) {
            return List.copyOf(m.entries().values());
        }
        return List.of();
    }

    /** The top-level expressions of a command, in text order. */
    public static List<EsqlExpr> expressions(EsqlCommand c) {
        List<EsqlExpr> out = new ArrayList<>();
        if (c instanceof Row r) {
            r.fields().forEach(a -> out.add(a.expr()));
        } else if (c instanceof Where w) {
            out.add(w.condition());
        } else if (c instanceof Eval e) {
            e.fields().forEach(a -> out.add(a.expr()));
        } else if (c instanceof Stats s) {
            s.aggregates().forEach(a -> {
                out.add(a.value().expr());
                a.filter().ifPresent(out::add);
            });
            s.groups().forEach(a -> out.add(a.expr()));
        } else if (c instanceof Sort s) {
            s.orders().forEach(o -> out.add(o.expr()));
        } else if (c instanceof Limit l) {
            out.add(l.value());
        } else if (c instanceof Dissect d) {
            out.add(d.input());
        } else if (c instanceof Grok g) {
            out.add(g.input());
        } else if (c instanceof Completion comp) {
            out.add(comp.prompt());
        }
        return out;
    }

    /** Every expression node under {@code e}, parents before children (pre-order, text order). */
    public static void walk(EsqlExpr e, Consumer<EsqlExpr> visit) {
        visit.accept(e);
        for (EsqlExpr child : children(e)) {
            walk(child, visit);
        }
    }
}
