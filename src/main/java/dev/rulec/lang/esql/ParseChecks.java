package dev.rulec.lang.esql;

import dev.rulec.lang.esql.EsqlCommand.*;
import dev.rulec.lang.esql.EsqlProblem.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * What Elasticsearch 8.19 refuses while still parsing, before any name is resolved: commands and keywords it does not
 * know, argument counts, LIMIT values, metadata fields, cast types. Reported for the whole query, first in text order.
 */
final class ParseChecks {
    private ParseChecks() {
    }

    static List<EsqlProblem> check(EsqlQuery q) {
        List<EsqlProblem> out = new ArrayList<>();
        for (EsqlCommand c : q.commands()) {
            command(c, out);
            if (!out.isEmpty()) {
                return out.subList(0, 1);
            }
        }
        return out;
    }

    private static void command(EsqlCommand c, List<EsqlProblem> out) {
        if (c instanceof Stats s && s.inline()) {
            add(out, s.loc(), "mismatched input '" + "INLINE STATS" + "': INLINE STATS is not a command of Elasticsearch 8.19");
            return;
        }
        if (c instanceof From f) {
            for (NamePattern m : f.metadata()) {
                if (MetadataFields.lookup(m.pattern()).isEmpty()) {
                    add(out, m.loc(), "unsupported metadata field [" + m.pattern() + "]");
                }
            }
        }
        for (EsqlExpr e : EsqlTrees.expressions(c)) {
            EsqlTrees.walk(e, x -> expression(x, out));
        }
        if (c instanceof Completion comp && comp.optionsMap().isPresent()) {
            add(out, comp.optionsMap().get(), "mismatched input '{': COMPLETION options as a map need a later release"
                    + " than Elasticsearch 8.19 (8.19: COMPLETION [target =] prompt WITH inference_id)");
        }
        if (c instanceof Limit l) {
            boolean ok = l.value() instanceof EsqlExpr.Param
                    || l.value() instanceof EsqlExpr.Literal lit && lit.value() instanceof Long n && n >= 0;
            if (!ok) {
                EsqlType t = l.value() instanceof EsqlExpr.Literal lit ? lit.type() : EsqlType.UNKNOWN;
                add(out, l.loc(), "value of [LIMIT " + l.value().text() + "] must be a non negative integer, found value ["
                        + l.value().text() + "] type [" + t.label() + "]");
            }
        }
    }

    private static void expression(EsqlExpr e, List<EsqlProblem> out) {
        if (e instanceof EsqlExpr.Call c) {
            if (EsqlFunctions.isLaterKeywordFunction(c.name())) {
                add(out, c.loc(), "extraneous input '" + c.name() + "': [" + c.name()
                        + "] is a keyword in Elasticsearch 8.19 (the function came in a later release)");
                return;
            }
            EsqlFunctions.lookup(c.name()).ifPresent(f -> {
                int n = c.args().size() + (c.star() ? 1 : 0);
                if (n < f.minArgs() || (f.maxArgs() >= 0 && n > f.maxArgs())) {
                    add(out, c.loc(), "error building [" + f.name() + "]: " + EsqlFunctions.arityMessage(f));
                }
            });
        } else if (e instanceof EsqlExpr.Cast c && EsqlType.ofCastName(c.type()) == EsqlType.UNSUPPORTED) {
            add(out, c.loc(), "Unknown data type named [" + c.type() + "]");
        }
    }

    private static void add(List<EsqlProblem> out, Loc loc, String message) {
        out.add(new EsqlProblem(Kind.PARSING, loc.line(), loc.column(), message));
    }
}
