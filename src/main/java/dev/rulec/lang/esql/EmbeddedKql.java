package dev.rulec.lang.esql;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.lang.esql.EsqlExpr.Call;
import dev.rulec.lang.esql.EsqlExpr.Literal;
import dev.rulec.lang.kql.KqlParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The query string of an ES|QL {@code KQL("…")} call, parsed with rulec's KQL grammar in Elasticsearch's dialect (which
 * has no value lists); a syntax error is placed inside the ES|QL query, at the KQL token when the string literal has no
 * escapes (the value is then the text as written), else at the literal. Field-name patterns are not checked: which fields they match is the cluster's business.
 */
final class EmbeddedKql {
    private EmbeddedKql() {
    }

    static List<EsqlProblem> check(Call call) {
        if (call.args().size() != 1 || !(call.args().get(0) instanceof Literal lit) || !(lit.value() instanceof String kql)) {
            return List.of();
        }
        String raw = lit.text();
        int quoteWidth = raw.startsWith("\"\"\"") ? 3 : 1;
        boolean asWritten = raw.length() >= 2 * quoteWidth
                && raw.substring(quoteWidth, raw.length() - quoteWidth).equals(kql);
        SourcePos start = new SourcePos("esql", lit.loc().line(), lit.loc().column() + quoteWidth);
        Diagnostics diags = new Diagnostics();
        KqlParser.parseElasticsearchDialect(kql, start, diags);
        List<EsqlProblem> out = new ArrayList<>();
        for (Diagnostic d : diags.all()) {
            if (!d.isError() || d.code().equals("kql.field-pattern")) {
                continue;
            }
            int line = asWritten ? d.pos().line() : lit.loc().line();
            int column = asWritten ? d.pos().column() : lit.loc().column();
            out.add(new EsqlProblem(EsqlProblem.Kind.VERIFICATION, line, column,
                    "invalid KQL in [" + call.text() + "]: " + d.message()));
        }
        return out;
    }
}
