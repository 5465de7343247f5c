package dev.rulec.lang.esql;

import dev.rulec.lang.esql.EsqlCommand.From;
import dev.rulec.lang.esql.EsqlCommand.Sort;
import dev.rulec.lang.esql.EsqlCommand.Stats;
import dev.rulec.lang.esql.EsqlCommand.Where;
import dev.rulec.lang.esql.EsqlExpr.Binary;
import dev.rulec.lang.esql.EsqlExpr.Call;
import dev.rulec.lang.esql.EsqlExpr.MatchOp;
import dev.rulec.lang.esql.EsqlExpr.Not;
import dev.rulec.lang.esql.EsqlProblem.Kind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where Elasticsearch 8.19 runs the full-text functions ({@code QSTR}, {@code KQL}, {@code MATCH}, the {@code :}
 * operator), as its verifier says (checked on the node by {@code EsqlDifferentialIT}): only in WHERE (and a STATS
 * aggregate's WHERE), in a WHERE with nothing but FROM, WHERE and SORT before it, and under AND, OR and NOT only.
 */
final class FullTextPlacement {
    private FullTextPlacement() {
    }

    private static final Set<String> FUNCTIONS = Set.of("qstr", "kql", "match");

    static void check(EsqlQuery query, List<EsqlProblem> problems) {
        Optional<String> after = Optional.empty();
        for (EsqlCommand c : query.commands()) {
            if (c instanceof Where w) {
                Optional<String> blocker = after;
                // placed at the WHERE, as the node does
                EsqlTrees.walk(w.condition(), e -> label(e).ifPresent(l -> blocker.ifPresent(b ->
                        add(problems, w.loc(), l + " cannot be used after " + b))));
                parents(w.condition(), w.condition(), problems);
            } else if (c instanceof Stats s) {
                s.aggregates().forEach(a -> onlyInWhere(a.value().expr(), problems));
                s.groups().forEach(a -> onlyInWhere(a.expr(), problems));
            } else {
                EsqlTrees.expressions(c).forEach(e -> onlyInWhere(e, problems));
            }
            if (!(c instanceof From || c instanceof Where || c instanceof Sort)) {
                after = Optional.of(commandName(c));
            }
        }
    }

    private static void onlyInWhere(EsqlExpr e, List<EsqlProblem> problems) {
        EsqlTrees.walk(e, x -> label(x).ifPresent(l -> add(problems, x.loc(), l + " is only supported in WHERE and STATS commands")));
    }

    /** A full-text function whose parent is anything but AND, OR, NOT or another full-text function. */
    private static void parents(EsqlExpr e, EsqlExpr condition, List<EsqlProblem> problems) {
        boolean logic = e instanceof Not || e instanceof Binary b && (b.op().equalsIgnoreCase("and") || b.op().equalsIgnoreCase("or"))
                || label(e).isPresent();
        for (EsqlExpr child : EsqlTrees.children(e)) {
            Optional<String> l = label(child);
            Optional<String> parent = parentName(e);
            if (!logic && l.isPresent() && parent.isPresent()) {
                add(problems, condition.loc(), "Invalid condition [" + condition.text() + "]. " + l.get()
                        + " can't be used with " + parent.get());
            }
            parents(child, condition, problems);
        }
    }

    /** The verifier's name of a parent expression; empty where rulec does not know it (no problem is reported). */
    private static Optional<String> parentName(EsqlExpr e) {
        if (e instanceof Call c) {
            return Optional.of(c.name().toUpperCase(Locale.ROOT));
        }
        if (e instanceof Binary b && b.op().equals("==")) {
            return Optional.of("EQUALS");
        }
        if (e instanceof EsqlExpr.IsNull n) {
            return Optional.of(n.negated() ? "ISNOTNULL" : "ISNULL");
        }
        if (e instanceof EsqlExpr.In) {
            return Optional.of("IN");
        }
        return Optional.empty();
    }

    private static Optional<String> label(EsqlExpr e) {
        if (e instanceof Call c && FUNCTIONS.contains(c.name().toLowerCase(Locale.ROOT))) {
            return Optional.of("[" + c.name().toUpperCase(Locale.ROOT) + "] function");
        }
        return e instanceof MatchOp ? Optional.of("[:] operator") : Optional.empty();
    }

    private static String commandName(EsqlCommand c) {
        String simple = c instanceof EsqlCommand.Other o ? o.name() : c.getClass().getSimpleName();
        return switch (simple) {
            case "MvExpand" -> "MV_EXPAND";
            case "LookupJoin" -> "LOOKUP JOIN";
            case "Stats" -> ((Stats) c).inline() ? "INLINESTATS" : "STATS";
            default -> simple.toUpperCase(Locale.ROOT);
        };
    }

    private static void add(List<EsqlProblem> problems, Loc loc, String message) {
        problems.add(new EsqlProblem(Kind.VERIFICATION, loc.line(), loc.column(), message));
    }
}
