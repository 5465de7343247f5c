package dev.rulec.lang.esql;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.lang.esql.EsqlExpr.Call;
import dev.rulec.lang.esql.EsqlExpr.Literal;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.lang.lucene.LuceneParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The query string of an ES|QL {@code KQL("…")} or {@code QSTR("…")} call, parsed with rulec's KQL grammar (in
 * Elasticsearch's dialect, which has no value lists) or Lucene grammar;
 * a syntax error is placed inside the ES|QL query, at the offending token when the string literal has no escapes (the
 * value is then the text as written), else at the literal. KQL field-name patterns are not checked: which fields they
 * match is the cluster's business.
 */
final class EmbeddedQuery {
    private EmbeddedQuery() {
    }

    /** One of rulec's parsers: problems go to the diagnostics, positioned from {@code start}. */
    private interface Parse {
        void run(String text, SourcePos start, Diagnostics diags);
    }

    static List<EsqlProblem> kql(Call call) {
        return check(call, "KQL", KqlParser::parseElasticsearchDialect);
    }

    static List<EsqlProblem> qstr(Call call) {
        return check(call, "Lucene query", LuceneParser::parse);
    }

    private static List<EsqlProblem> check(Call call, String language, Parse parse) {
        if (call.args().isEmpty() || !(call.args().get(0) instanceof Literal lit) || !(lit.value() instanceof String query)) {
            return List.of();
        }
        String raw = lit.text();
        int quoteWidth = raw.startsWith("\"\"\"") ? 3 : 1;
        boolean asWritten = raw.length() >= 2 * quoteWidth
                && raw.substring(quoteWidth, raw.length() - quoteWidth).equals(query);
        SourcePos start = new SourcePos("esql", lit.loc().line(), lit.loc().column() + quoteWidth);
        Diagnostics diags = new Diagnostics();
        parse.run(query, start, diags);
        List<EsqlProblem> out = new ArrayList<>();
        for (Diagnostic d : diags.all()) {
            if (!d.isError() || d.code().equals("kql.field-pattern")) {
                continue;
            }
            int line = asWritten ? d.pos().line() : lit.loc().line();
            int column = asWritten ? d.pos().column() : lit.loc().column();
            out.add(new EsqlProblem(EsqlProblem.Kind.VERIFICATION, line, column,
                    "invalid " + language + " in [" + call.text() + "]: " + d.message()));
        }
        return out;
    }
}
