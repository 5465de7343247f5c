package dev.rulec.lang.esql;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.SourcePos;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsqlAnalyzerTest {

    private final EsqlAnalyzer analyzer = EsqlAnalyzer.withBuiltinSchemas();

    private String first(String query) {
        List<EsqlProblem> p = analyzer.check(query);
        return p.isEmpty() ? "valid" : p.get(0).kind() + " " + p.get(0);
    }

    @Test
    void acceptsADetectionQueryWithMetadata() {
        assertEquals("valid", first("""
                FROM logs-aws.cloudtrail-* METADATA _id, _index, _version
                | WHERE event.action == "DeleteTrail" AND source.ip IS NOT NULL
                | EVAL u = TO_LOWER(user.name)
                | KEEP @timestamp, _id, _index, _version, u"""));
    }

    @Test
    void reportsSyntaxErrorAtTheToken() {
        assertEquals("PARSING line 1:28: unknown command [wher]", first("FROM logs-* METADATA _id | wher x"));
    }

    @Test
    void reportsUnknownColumnWithPosition() {
        assertEquals("VERIFICATION line 2:9: Unknown column [event.actoin]",
                first("FROM logs-aws.cloudtrail-* METADATA _id, _index, _version\n| WHERE event.actoin == \"x\""));
    }

    @Test
    void kqlInsideTheKqlFunctionIsParsedAndItsErrorPlacedInTheQuery() {
        assertEquals("VERIFICATION line 1:34: invalid KQL in [KQL(\"\"\"a:1 and and b:2\"\"\")]: unexpected [and],"
                        + " expecting one of not, (, <value>",
                first("ROW x = 1 | WHERE KQL(\"\"\"a:1 and and b:2\"\"\")"));
        assertEquals("VERIFICATION line 2:7: invalid KQL in [KQL(\"\"\"a:1 or\n  (b:2\"\"\")]: unexpected end of query,"
                        + " expecting )",
                first("ROW x = 1 | WHERE KQL(\"\"\"a:1 or\n  (b:2\"\"\")"));
        assertEquals("VERIFICATION line 1:23: invalid KQL in [KQL(\"a:\\\"x\\\" or\")]: unexpected end of query,"
                        + " expecting one of not, (, <value>", first("ROW x = 1 | WHERE KQL(\"a:\\\"x\\\" or\")"));
        assertEquals("valid", first("FROM logs-* METADATA _id, _index, _version | WHERE KQL(\"\"\"file.hash.*:* and not a:(1 2)\"\"\")"));
    }

    @Test
    void kqlFunctionRefusesKibanasValueListsAsElasticsearchDoes() {
        String from = "FROM logs-* METADATA _id, _index, _version | WHERE ";
        assertEquals("VERIFICATION line 1:78: invalid KQL in [KQL(\"\"\"process.args:(\"-c\" or \"-lc\")\"\"\")]:"
                        + " Elasticsearch 8.19's KQL (the kql query and ES|QL's KQL function) takes one value in field:( … );"
                        + " it does not accept a value list with [or], which Kibana's KQL and Elasticsearch 9.1 have",
                first(from + "KQL(\"\"\"process.args:(\"-c\" or \"-lc\")\"\"\")"));
        assertTrue(first(from + "KQL(\"a:(b and c)\")").contains("a value list with [and]"));
        assertTrue(first(from + "KQL(\"a:(not b)\")").contains("reads [not] inside field:( … ) as part of the value"));
        assertTrue(first(from + "KQL(\"a:((b))\")").contains("a value list nested in another"));
        assertEquals("valid", first(from + "KQL(\"a:(b*) or a:(\\\"c d\\\") and not e:f and g:{h:i or j:k}\")"));
        // Elasticsearch runs full-text functions only on index data: after ROW the query is refused
        assertEquals("VERIFICATION line 1:13: [KQL] function cannot be used after ROW", first("ROW x = 1 | WHERE KQL(\"a:1\")"));
    }

    @Test
    void luceneInsideTheQstrFunctionIsParsedAndItsErrorPlacedInTheQuery() {
        assertEquals("VERIFICATION line 1:39: invalid Lucene query in [QSTR(\"\"\"a:1 AND (b:2\"\"\")]: unexpected end of"
                        + " query, expecting )",
                first("ROW x = 1 | WHERE QSTR(\"\"\"a:1 AND (b:2\"\"\")"));
        assertEquals("valid", first("FROM logs-* METADATA _id, _index, _version | WHERE QSTR(\"\"\"a.b:(\"x\" OR y*)"
                + " AND NOT _exists_:c\"\"\")"));
    }

    @Test
    void reportsUnknownFunctionAndArityLikeElasticsearch() {
        assertEquals("VERIFICATION line 1:22: Unknown function [to_lowr]", first("ROW x = 1 | EVAL y = to_lowr(x)"));
        assertEquals("PARSING line 1:22: error building [substring]: expects two or three arguments",
                first("ROW x = 1 | EVAL y = substring(\"a\")"));
    }

    @Test
    void arityIsReportedBeforeUnknownColumnsAsTheParserRunsFirst() {
        assertTrue(first("ROW x = 1 | WHERE nosuch > 1 | EVAL y = length()").startsWith("PARSING line 1:41"));
    }

    @Test
    void carriesTypesThroughEvalStatsRenameKeepDrop() {
        assertEquals("VERIFICATION line 1:22: argument of [to_lower(x)] must be [string], found value [x] type [integer]",
                first("ROW x = 1 | EVAL y = to_lower(x)"));
        assertEquals("VERIFICATION line 1:69: first argument of [z > \"1\"] is [numeric] so second argument must also be "
                + "[numeric] but was [keyword]",
                first("ROW x = 1 | STATS y = values(x) BY x | EVAL z = mv_count(y) | WHERE z > \"1\""));
        assertEquals("VERIFICATION line 1:51: Unknown column [x]", first("ROW x = 1 | RENAME x AS w | EVAL v = w + 1 | KEEP x"));
        assertEquals("VERIFICATION line 1:34: Unknown column [x]", first("ROW x = 1, y = 2 | DROP x | KEEP x"));
        assertEquals("VERIFICATION line 1:50: Unknown column [z]", first("ROW x = 1 | STATS c = count(*) BY x | KEEP x, c, z"));
    }

    @Test
    void refusesAggregatesOutsideStatsAndUngroupedColumns() {
        assertEquals("VERIFICATION line 1:19: aggregate function [max(x)] not allowed outside STATS command",
                first("ROW x = 1 | WHERE max(x) > 1"));
        assertEquals("VERIFICATION line 1:19: column [x] must appear in the STATS BY clause or be used in an aggregate function",
                first("ROW x = 1 | STATS x + 1"));
    }

    @Test
    void nonAggregatingRuleMustReadMetadata() {
        assertEquals("DETECTION", first("FROM logs-aws.cloudtrail-* | WHERE event.action == \"x\"").split(" ")[0]);
        assertEquals("valid", first("FROM logs-aws.cloudtrail-* | STATS c = COUNT(*) BY user.name"));
        assertEquals("DETECTION", first("FROM logs-aws.cloudtrail-* METADATA _id, _index, _version | KEEP user.name")
                .split(" ")[0]);
    }

    @Test
    void laterReleaseSyntaxIsAParsingProblemFor819() {
        assertTrue(first("FROM logs-* METADATA _id, _index, _version | INLINE STATS c = COUNT(*)").startsWith("PARSING line 1:46"));
        assertTrue(first("ROW x = 1 | STATS y = first(x, x)").startsWith("PARSING line 1:23"));
    }

    @Test
    void reportsIntoDiagnosticsAtTheRuleFilePosition() {
        dev.rulec.diag.Diagnostics d = new dev.rulec.diag.Diagnostics();
        analyzer.report("FROM logs-aws.cloudtrail-* METADATA _id, _index, _version\n| WHERE nosuch == 1",
                new SourcePos("rule.toml", 20, 1), d);
        assertEquals("rule.toml:21:9", d.all().get(0).pos().toString());
        assertEquals("esql.verify", d.all().get(0).code());
    }

    @Test
    void whereKnownModeChecksColumnsOnlyForBundledDataStreams() {
        EsqlAnalyzer known = EsqlAnalyzer.withBuiltinSchemasWhereKnown();
        String okta = "FROM logs-okta.system-* METADATA _id, _index, _version | WHERE okta.event_type == \"x\"";
        assertTrue(known.check(okta).isEmpty());
        assertEquals("VERIFICATION", first(okta).split(" ")[0]);
        assertEquals(EsqlProblem.Kind.VERIFICATION, known.check(
                "FROM logs-aws.cloudtrail-* METADATA _id, _index, _version | WHERE nosuch == 1").get(0).kind());
    }

    @Test
    void diagnosticIsPlacedInTheRuleFile() {
        EsqlProblem p = new EsqlProblem(EsqlProblem.Kind.VERIFICATION, 2, 9, "Unknown column [x]");
        Diagnostic d = p.toDiagnostic(new SourcePos("r.toml", 10, 9), "");
        assertEquals("r.toml:11:9: error: Unknown column [x] [esql.verify]", d.format());
    }
}
