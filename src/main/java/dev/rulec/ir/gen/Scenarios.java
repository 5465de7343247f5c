package dev.rulec.ir.gen;

import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways to make a tree true or false, as lists of leaf wishes ("scenarios"). Falsifying an {@code And} keeps
 * the other terms true (a near miss); satisfying an {@code Or} keeps the other terms false (one reason to match).
 * Lists are capped so that wide trees stay cheap; the events built from them are checked by the matcher anyway.
 */
final class Scenarios implements ExprVisitor<List<List<Lit>>> {
    static final int CAP = 24;

    private final boolean want;

    private Scenarios(boolean want) {
        this.want = want;
    }

    static List<List<Lit>> of(Expr e, boolean want) {
        return e.accept(new Scenarios(want));
    }

    private static List<Lit> merge(List<Lit> a, List<Lit> b) {
        List<Lit> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    private static void add(List<List<Lit>> out, List<Lit> s) {
        if (out.size() < CAP) {
            out.add(s);
        }
    }

    /** One scenario per term: {@code pick} for term {@code i}, {@code rest} (first scenario) for the others. */
    private static List<List<Lit>> oneDiffers(List<Expr> terms, boolean pick, boolean rest, boolean restRequired) {
        List<List<List<Lit>>> picks = new ArrayList<>();
        List<List<List<Lit>>> rests = new ArrayList<>();
        for (Expr t : terms) {
            picks.add(of(t, pick));
            rests.add(of(t, rest));
        }
        List<List<Lit>> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            for (List<Lit> s : picks.get(i)) {
                List<Lit> acc = s;
                boolean ok = true;
                for (int j = 0; j < terms.size(); j++) {
                    if (j == i) {
                        continue;
                    }
                    if (rests.get(j).isEmpty()) {
                        ok = !restRequired;
                        continue;
                    }
                    acc = merge(acc, rests.get(j).get(0));
                }
                if (ok) {
                    add(out, acc);
                }
                if (!restRequired) {
                    add(out, s);
                }
            }
        }
        return out;
    }

    /** Every term from its scenario list: the first of each, then each alternative of one term at a time. */
    private static List<List<Lit>> allOf(List<Expr> terms, boolean w) {
        List<List<List<Lit>>> per = new ArrayList<>();
        for (Expr t : terms) {
            List<List<Lit>> s = of(t, w);
            if (s.isEmpty()) {
                return List.of();
            }
            per.add(s);
        }
        List<List<Lit>> out = new ArrayList<>();
        for (int i = 0; i < per.size(); i++) {
            for (int k = i == 0 ? 0 : 1; k < per.get(i).size(); k++) {
                List<Lit> acc = new ArrayList<>();
                for (int j = 0; j < per.size(); j++) {
                    acc = merge(acc, per.get(j).get(j == i ? k : 0));
                }
                add(out, acc);
            }
        }
        return out;
    }

    @Override
    public List<List<Lit>> visitAnd(Expr.And e) {
        return want ? allOf(e.terms(), true) : oneDiffers(e.terms(), false, true, false);
    }

    @Override
    public List<List<Lit>> visitOr(Expr.Or e) {
        return want ? oneDiffers(e.terms(), true, false, false) : allOf(e.terms(), false);
    }

    @Override
    public List<List<Lit>> visitNot(Expr.Not e) {
        return of(e.term(), !want);
    }

    @Override
    public List<List<Lit>> visitConst(Expr.Const e) {
        return e.value() == want ? List.of(List.of()) : List.of();
    }

    private List<List<Lit>> leaf(Expr e) {
        return List.of(List.of(new Lit(e, want)));
    }

    @Override
    public List<List<Lit>> visitMatch(Expr.Match e) {
        return leaf(e);
    }

    @Override
    public List<List<Lit>> visitExists(Expr.Exists e) {
        return leaf(e);
    }

    @Override
    public List<List<Lit>> visitRange(Expr.Range e) {
        return leaf(e);
    }

    @Override
    public List<List<Lit>> visitCidr(Expr.Cidr e) {
        return leaf(e);
    }

    @Override
    public List<List<Lit>> visitRegex(Expr.Regex e) {
        return leaf(e);
    }

    @Override
    public List<List<Lit>> visitFieldRef(Expr.FieldRef e) {
        return leaf(e);
    }

    @Override
    public List<List<Lit>> visitKeyword(Expr.Keyword e) {
        return leaf(e);
    }

    @Override
    public List<List<Lit>> visitNested(Expr.Nested e) {
        return leaf(e);
    }
}
