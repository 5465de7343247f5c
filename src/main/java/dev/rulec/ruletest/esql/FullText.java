package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.lang.lucene.LuceneQuery;
import dev.rulec.lang.lucene.LuceneToIr;
import dev.rulec.target.FieldTypes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ES|QL's full-text functions {@code KQL("…")} and {@code QSTR("…")} on a row that is still a document of the index
 * (in a {@code WHERE} right after {@code FROM}, or after other {@code WHERE} and {@code SORT} commands): KQL is read as
 * Elasticsearch's own KQL parser reads it (see {@code KqlParser.parseElasticsearchDialect}); QSTR's Lucene query by
 * rulec's Lucene grammar, then as the IR where its meaning is exact ({@link LuceneToIr}; what that refuses needs a
 * cluster). The tree is run by the IR's matcher on the document, the way query rules are tested in process.
 */
final class FullText {

    /**
     * The document a row came from, the index's field names (for field-name patterns such as {@code a.*:x}) and types
     * (keys of flattened fields typed {@code flattened}, see {@link MappingTypes}).
     */
    record Source(JsonNode document, Set<String> fields, FieldTypes types) {
    }

    /** One matcher per query text and field set: the same query is evaluated on every row. */
    private final Map<String, Matcher> matchers = new HashMap<>();
    private final Map<String, Matcher> qstrMatchers = new HashMap<>();

    boolean kql(String text, Optional<Source> source) {
        Source src = source.orElseThrow(() -> new EsqlRuntimeException(
                "[KQL] function is only supported in WHERE and STATS commands, straight after FROM, WHERE or SORT"));
        Matcher m = matchers.computeIfAbsent(text, t -> Matcher.compile(parse(t, src.fields())));
        return m.matches(src.document());
    }

    /** {@code QSTR(text)}, written {@code call} in the query; never null. */
    boolean qstr(String text, String call, Optional<Source> source) {
        Source src = source.orElseThrow(() -> new EsqlRuntimeException(
                "[QSTR] function is only supported in WHERE and STATS commands, straight after FROM, WHERE or SORT"));
        Matcher m = qstrMatchers.computeIfAbsent(text, t -> Matcher.compile(lucene(t, call, src.types())));
        return m.matches(src.document());
    }

    private static Expr lucene(String text, String call, FieldTypes types) {
        Diagnostics diags = new Diagnostics();
        LuceneQuery.Bool q = LuceneParser.parse(text, new SourcePos("QSTR", 1, 1), diags)
                .orElseThrow(() -> new EsqlRuntimeException("Failed to parse query [" + text + "]: "
                        + diags.all().get(0).message()));
        try {
            return LuceneToIr.convert(q, types);
        } catch (LuceneToIr.Refused e) {
            throw new NeedsClusterException(call + " (" + e.getMessage() + ")");
        }
    }

    private static Expr parse(String text, Set<String> fields) {
        Diagnostics diags = new Diagnostics();
        return KqlParser.parseElasticsearchDialect(text, new SourcePos("KQL", 1, 1), fields, diags)
                .orElseThrow(() -> new EsqlRuntimeException("Failed to parse KQL query [" + text + "]: "
                        + diags.all().get(0).message()));
    }
}
