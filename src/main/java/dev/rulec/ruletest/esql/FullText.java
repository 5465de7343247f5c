package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.kql.KqlParser;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ES|QL's full-text function {@code KQL("…")} on a row that is still a document of the index (in a {@code WHERE}
 * right after {@code FROM}, or after other {@code WHERE} and {@code SORT} commands): the text is read as Elasticsearch's
 * own KQL parser reads it (see {@code KqlParser.parseElasticsearchDialect}), and its tree is run by the IR's matcher on
 * the document, the way KQL query rules are tested in process.
 */
final class FullText {

    /** The document a row came from, and the index's field names (for field-name patterns such as {@code a.*:x}). */
    record Source(JsonNode document, Set<String> fields) {
    }

    /** One matcher per query text and field set: the same KQL is evaluated on every row. */
    private final Map<String, Matcher> matchers = new HashMap<>();

    boolean kql(String text, Optional<Source> source) {
        Source src = source.orElseThrow(() -> new EsqlRuntimeException(
                "[KQL] function is only supported in WHERE and STATS commands, straight after FROM, WHERE or SORT"));
        Matcher m = matchers.computeIfAbsent(text, t -> Matcher.compile(parse(t, src.fields())));
        return m.matches(src.document());
    }

    private static Expr parse(String text, Set<String> fields) {
        Diagnostics diags = new Diagnostics();
        return KqlParser.parseElasticsearchDialect(text, new SourcePos("KQL", 1, 1), fields, diags)
                .orElseThrow(() -> new EsqlRuntimeException("Failed to parse KQL query [" + text + "]: "
                        + diags.all().get(0).message()));
    }
}
