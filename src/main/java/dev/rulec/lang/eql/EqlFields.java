package dev.rulec.lang.eql;

import java.util.ArrayList;
import java.util.List;

/** Every field an EQL statement names (conditions, join keys, pipe arguments), in order of appearance. */
public final class EqlFields {

    private EqlFields() {
    }

    public static List<EqlExpr.Field> of(EqlQuery q) {
        List<EqlExpr.Field> out = new ArrayList<>();
        if (q instanceof EqlQuery.Event e) {
            walk(e.query().condition(), out);
        } else if (q instanceof EqlQuery.Sequence s) {
            s.by().forEach(x -> walk(x, out));
            s.terms().forEach(t -> term(t, out));
            s.until().ifPresent(t -> term(t, out));
        } else if (q instanceof EqlQuery.Sample s) {
            s.by().forEach(x -> walk(x, out));
            s.terms().forEach(t -> term(t, out));
        }
        q.pipes().forEach(p -> p.args().forEach(x -> walk(x, out)));
        return out;
    }

    /** The event categories an EQL statement selects ({@code any} selects every event). */
    public static List<String> categories(EqlQuery q) {
        List<String> out = new ArrayList<>();
        if (q instanceof EqlQuery.Event e) {
            out.add(e.query().category());
        } else if (q instanceof EqlQuery.Sequence s) {
            s.terms().forEach(t -> out.add(t.query().category()));
        } else if (q instanceof EqlQuery.Sample s) {
            s.terms().forEach(t -> out.add(t.query().category()));
        }
        return out;
    }

    private static void term(EqlQuery.Term t, List<EqlExpr.Field> out) {
        walk(t.query().condition(), out);
        t.by().forEach(x -> walk(x, out));
    }

    private static void walk(EqlExpr e, List<EqlExpr.Field> out) {
        if (e instanceof EqlExpr.Field f) {
            out.add(f);
        } else if (e instanceof EqlExpr.Call c) {
            c.args().forEach(a -> walk(a, out));
        } else if (e instanceof EqlExpr.Binary b) {
            walk(b.left(), out);
            walk(b.right(), out);
        } else if (e instanceof EqlExpr.Not n) {
            walk(n.operand(), out);
        } else if (e instanceof EqlExpr.Negate n) {
            walk(n.operand(), out);
        } else if (e instanceof EqlExpr.In in) {
            walk(in.value(), out);
            in.list().forEach(x -> walk(x, out));
        } else if (e instanceof EqlExpr.StringMatch m) {
            walk(m.value(), out);
            m.patterns().forEach(x -> walk(x, out));
        }
    }
}
