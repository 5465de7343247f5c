package dev.rulec.lang.esql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic mutants of an ES|QL query, each with one mistake of a kind users make: a misspelt command, function or
 * field, a value of the wrong type, a wrong number of arguments.
 */
final class Mutants {
    private Mutants() {
    }

    private static final Pattern COMMAND = Pattern.compile("\\|\\s*(where|eval|stats|keep|sort|limit|dissect|grok|mv_expand)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FUNCTION = Pattern.compile("\\b([a-z_]{3,})\\(", Pattern.CASE_INSENSITIVE);

    static List<String> of(String query) {
        List<String> out = new ArrayList<>();
        Matcher c = COMMAND.matcher(query);
        if (c.find()) {
            out.add(query.substring(0, c.end(1) - 1) + query.substring(c.end(1)));
        }
        Matcher f = FUNCTION.matcher(query);
        if (f.find()) {
            out.add(query.substring(0, f.end(1)) + "x" + query.substring(f.end(1)));
        }
        EsqlParser.parse(query).query().ifPresent(q -> {
            firstWhereColumn(q).ifPresent(col -> {
                int offset = offsetOf(query, col.loc());
                if (offset >= 0 && query.startsWith(col.text(), offset)) {
                    out.add(query.substring(0, offset) + col.text() + "x" + query.substring(offset + col.text().length()));
                    out.add(query + "\n| WHERE " + col.text() + " > 5 and " + col.text() + " LIKE \"a*\"");
                    out.add(query + "\n| WHERE " + col.text() + " IS NOT NULL | EVAL rulec_m = CONCAT(TO_STRING("
                            + col.text() + "), \"-\") | KEEP rulec_m");
                }
            });
        });
        out.add(query + "\n| EVAL rulec_m = TO_LOWER(42)");
        out.add(query + "\n| EVAL rulec_m = TO_UPPER(\"x\"), rulec_n = LENGTH(rulec_m) + 1 | SORT rulec_n DESC | LIMIT 7");
        out.add(query + "\n| EVAL rulec_m = SUBSTRING(\"abc\")");
        return out;
    }

    private static java.util.Optional<EsqlExpr.Column> firstWhereColumn(EsqlQuery q) {
        for (EsqlCommand c : q.commands()) {
            if (c instanceof EsqlCommand.Where w) {
                return firstColumn(w.condition());
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<EsqlExpr.Column> firstColumn(EsqlExpr e) {
        if (e instanceof EsqlExpr.Column c && !c.text().startsWith("`")) {
            return java.util.Optional.of(c);
        }
        List<EsqlExpr> kids = new ArrayList<>();
        if (e instanceof EsqlExpr.Binary b) {
            kids.add(b.left());
            kids.add(b.right());
        } else if (e instanceof EsqlExpr.Not n) {
            kids.add(n.operand());
        } else if (e instanceof EsqlExpr.In in) {
            kids.add(in.value());
        } else if (e instanceof EsqlExpr.Like l) {
            kids.add(l.value());
        } else if (e instanceof EsqlExpr.Call call) {
            kids.addAll(call.args());
        } else if (e instanceof EsqlExpr.IsNull n) {
            kids.add(n.value());
        }
        for (EsqlExpr k : kids) {
            var found = firstColumn(k);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    private static int offsetOf(String text, Loc loc) {
        int line = 1;
        int i = 0;
        while (line < loc.line() && i < text.length()) {
            if (text.charAt(i++) == '\n') {
                line++;
            }
        }
        int off = i + loc.column() - 1;
        return off <= text.length() ? off : -1;
    }
}
