package dev.rulec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.es.RequiresElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static dev.rulec.cli.CheckRules.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rulec check} against the run's real node: fields, ES|QL run with LIMIT 0, rules that match no data. */
@RequiresElasticsearch
class CheckCommandIT {
    private static final String MAPPING = """
            {"mappings":{"properties":{
              "@timestamp":{"type":"date"},
              "event":{"properties":{"action":{"type":"keyword"},"duration":{"type":"long"}}},
              "source":{"properties":{"ip":{"type":"ip"}}},
              "message":{"type":"text"},
              "user":{"properties":{"name":{"type":"keyword"}}}}}}""";

    @TempDir
    Path tmp;

    @BeforeAll
    static void index(EsNode es) {
        es.request("DELETE", "/rulec-check-logs-a", Optional.empty());
        EsNode.Response r = es.request("PUT", "/rulec-check-logs-a", Optional.of(MAPPING));
        assertTrue(r.ok(), r.text());
        es.post("/rulec-check-logs-a/_doc?refresh=true", "{\"@timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"event\":{\"action\":\"x\",\"duration\":5},\"source\":{\"ip\":\"10.1.2.3\"},\"user\":{\"name\":\"u\"}}");
    }

    private static String kql(String query) {
        return rule("query", "kuery", "index = [\"rulec-check-logs-*\"]", query);
    }

    private static String esql(String query) {
        return rule("esql", "esql", "", query);
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static CommandRun check(EsNode es, Path... files) {
        return check(es, new String[0], files);
    }

    private static CommandRun check(EsNode es, String[] options, Path... files) {
        Map<String, String> env = es.credentials().map(c -> Map.of("RULEC_ES_USERNAME", c.user(),
                "RULEC_ES_PASSWORD", c.password())).orElse(Map.of());
        String[] args = new String[3 + options.length + files.length];
        args[0] = "check";
        args[1] = "--es";
        args[2] = es.url().toString();
        System.arraycopy(options, 0, args, 3, options.length);
        for (int i = 0; i < files.length; i++) {
            args[3 + options.length + i] = files[i].toString();
        }
        return CommandRun.withEnv(env, args);
    }

    @Test
    void aRuleWhoseFieldsExistIsClean(EsNode es) throws IOException {
        Path f = write("clean.toml", kql("event.action: x and source.ip: \"10.0.0.0/8\" and event.duration >= 3"));
        CommandRun r = check(es, f);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().contains("rulec: checked 1 rule against " + es.url().toString().replaceAll("/$", "")
                + ": 0 errors, 0 warnings, 0 notes"), r.toString());
    }

    @Test
    void anUnknownFieldIsReportedWhereTheQueryNamesIt(EsNode es) throws IOException {
        Path f = write("typo.toml", kql("event.action: x or\n  event.acton: y"));
        CommandRun r = check(es, f);
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(f + ":18:3: error: field [event.acton] is mapped in no index matching [rulec-check-logs-*] "
                + "(did you mean [event.action]?) [check.unknown-field]\n", r.out(), r.toString());
    }

    @Test
    void aFieldEveryMatchNeedsButNoIndexMapsMeansNoData(EsNode es) throws IOException {
        Path f = write("nodata.toml", kql("event.action: x and process.name: y"));
        CommandRun r = check(es, f);
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(f + ":17:21: error: field [process.name] is mapped in no index matching [rulec-check-logs-*]; "
                + "every event the rule matches needs it, so the rule matches no data (check the spelling, or map the "
                + "field) [check.no-data]\n", r.out(), r.toString());
    }

    @Test
    void aValueOfTheWrongTypeIsAMismatch(EsNode es) throws IOException {
        Path f = write("type.toml", kql("event.duration: slow"));
        CommandRun r = check(es, f);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith(f + ":17:1: error: field [event.duration] is [long], but the query compares it "
                + "with [slow], which is not a number"), r.toString());
    }

    @Test
    void indexPatternsMatchingNothingMatchNoData(EsNode es) throws IOException {
        Path f = write("none.toml", rule("query", "kuery", "index = [\"rulec-check-nothing-*\"]", "event.action: x"));
        Path e = write("none-esql.toml", esql("FROM rulec-check-nothing-* METADATA _id, _index, _version\n"
                + "| WHERE event.action == \"x\""));
        CommandRun r = check(es, f, e);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains(f + ":15:1: error: the index patterns [rulec-check-nothing-*] match no index on "
                + "the cluster, so the rule matches no data"), r.toString());
        assertTrue(r.out().contains(e + ":17:1: error: FROM rulec-check-nothing-* matches no index on the cluster, "
                + "so the rule matches no data"), r.toString());
    }

    @Test
    void esqlIsRunOnTheClusterAndItsErrorsAreReportedInTheRuleFile(EsNode es) throws IOException {
        Path ok = write("ok.toml", esql("FROM rulec-check-logs-* METADATA _id, _index, _version\n"
                + "| WHERE event.action == \"x\" // trailing comment"));
        Path column = write("column.toml", esql("FROM rulec-check-logs-* METADATA _id, _index, _version\n"
                + "| WHERE event.actoin == \"x\""));
        Path function = write("function.toml", esql("FROM rulec-check-logs-*\n"
                + "| STATS n = COUNT(*) BY user.name\n| EVAL m = no_such_fn(n)"));
        CommandRun r = check(es, ok, column, function);
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.out().contains(ok.toString()), r.toString());
        assertTrue(r.out().contains(column + ":18:9: error: Unknown column [event.actoin]"), r.toString());
        assertTrue(r.out().contains("[check.esql-verification]"), r.toString());
        assertTrue(r.out().contains(function + ":19:12: error: Unknown function [no_such_fn]"), r.toString());
    }

    @Test
    void aBrokenEsqlQueryGivesTheClustersParsingError(EsNode es) throws IOException {
        Path f = write("syntax.toml", esql("FROM rulec-check-logs-* METADATA _id, _index, _version\n| WHERE (("));
        CommandRun r = check(es, f);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith(f + ":18:11: error: no viable alternative at input"), r.toString());
        assertTrue(r.out().contains("[check.esql-parsing]"), r.toString());
    }

    @Test
    void newTermsFieldsMustBeAggregatable(EsNode es) throws IOException {
        Path f = write("nt.toml", rule("new_terms", "kuery", "index = [\"rulec-check-logs-*\"]", "event.action: x")
                + """

                [rule.new_terms]
                field = "new_terms_fields"
                value = ["message"]

                [[rule.new_terms.history_window_start]]
                field = "history_window_start"
                value = "now-7d"
                """);
        CommandRun r = check(es, f);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("error: the new terms field [message] cannot be aggregated in some of "
                + "[rulec-check-logs-a]"), r.toString());
    }

    @Test
    void jsonOutputIsTheLintReportShape(EsNode es) throws IOException {
        Path f = write("typo.toml", kql("event.action: x or event.acton: y"));
        CommandRun r = check(es, new String[] {"--format", "json"}, f);
        assertEquals(1, r.exitCode(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode d = json.path("diagnostics").path(0);
        assertEquals("check.unknown-field", d.path("code").asText(), r.out());
        assertEquals(17, d.path("line").asInt(), r.out());
        assertEquals(20, d.path("column").asInt(), r.out());
    }

    @Test
    void anIndicatorMatchChecksBothSidesOfItsMapping(EsNode es) throws IOException {
        String base = rule("threat_match", "kuery", "index = [\"rulec-check-logs-*\"]\n"
                + "threat_index = [\"rulec-check-nothing-*\"]\nthreat_query = \"threat.indicator.ip: *\"", "source.ip: *");
        Path f = write("im.toml", base + """

                [[rule.threat_mapping]]
                [[rule.threat_mapping.entries]]
                field = "source.ipp"
                type = "mapping"
                value = "threat.indicator.ip"
                """);
        CommandRun r = check(es, f);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("error: field [source.ipp] is mapped in no index matching [rulec-check-logs-*]; "
                + "every event the rule matches needs it, so the rule matches no data (did you mean [source.ip]?)"),
                r.toString());
        assertTrue(r.out().contains("error: the index patterns [rulec-check-nothing-*] match no index on the cluster"),
                r.toString());
    }

    @Test
    void luceneQueriesAreParsedByRulecAndTheirUnmappedFieldsReportedByTheCluster(EsNode es) throws IOException {
        Path typo = write("lucene.toml", rule("query", "lucene", "index = [\"rulec-check-logs-*\"]",
                "event.action:x AND event.acton:y"));
        Path broken = write("lucene-broken.toml", rule("query", "lucene", "index = [\"rulec-check-logs-*\"]",
                "event.action:(x"));
        Path clean = write("lucene-clean.toml", rule("query", "lucene", "index = [\"rulec-check-logs-*\"]",
                "event.action:x AND source.ip:\"10.1.2.3\""));
        CommandRun r = check(es, typo, broken, clean);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains(typo + ":17:20: error: field [event.acton] is mapped in no index matching "
                + "[rulec-check-logs-*] (did you mean [event.action]?) [check.unknown-field]"), r.toString());
        // syntax errors come from rulec's Lucene grammar, offline and at their place
        assertTrue(r.out().contains(broken + ":18:1: error: unexpected end of query, expecting ) [lucene.syntax]\n"),
                r.toString());
        assertFalse(r.out().contains(clean.toString()), r.toString());
    }
}
