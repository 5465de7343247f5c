package dev.rulec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.kibana.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompileCommandTest {

    @TempDir
    Path tmp;

    private static final String GOOD = """
            [metadata]
            creation_date = "2026/01/01"
            maturity = "production"
            updated_date = "2026/01/01"

            [rule]
            author = ["t"]
            description = "d"
            name = "Good Rule"
            risk_score = 21
            rule_id = "11111111-2222-4333-8444-555555555555"
            severity = "low"
            type = "query"
            index = ["logs-*"]
            language = "kuery"
            query = "event.action: x"
            """;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void compilesTheProjectRulesToNdjson() {
        CommandRun run = CommandRun.of("compile", "rules");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run::toString);
        for (String l : lines) {
            assertTrue(l.startsWith("{\"") && l.endsWith("}"), l);
        }
        assertTrue(run.err().contains("compiled 5 rules from 5 files; 0 errors"), run::toString);
    }

    @Test
    void reportsEachBadFileWithPositionAndStillCompilesTheOthers() throws IOException {
        write("a_good.toml", GOOD);
        write("b_syntax.toml", "[rule\nname = 1\n");
        write("c_missing.toml", GOOD.replace("name = \"Good Rule\"\n", ""));
        write("d_type.toml", GOOD.replace("risk_score = 21", "risk_score = \"high\""));
        write("e_unknown_type.toml", GOOD.replace("type = \"query\"", "type = \"sigma\""));
        write("f_uuid.toml", GOOD.replace("11111111-2222-4333-8444-555555555555", "not-a-uuid"));
        write("g_risk.toml", GOOD.replace("risk_score = 21", "risk_score = 101"));
        write("h_severity.toml", GOOD.replace("severity = \"low\"", "severity = \"informational\""));
        CommandRun run = CommandRun.of("compile", tmp.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.out().lines().count(), run::toString);
        String err = run.err();
        assertTrue(err.contains("b_syntax.toml:1:"), err);
        assertTrue(err.contains("c_missing.toml:6:1: error: [rule.name] is required (add name = \"…\" to [rule])"
                + " [toml.missing-field]"), err);
        assertTrue(err.contains("d_type.toml:10:1: error: [rule.risk_score] must be an integer, found a string"), err);
        assertTrue(err.contains("e_unknown_type.toml:13:1: error: unknown rule type [sigma] (use one of query, eql,"),
                err);
        assertTrue(err.contains("f_uuid.toml:11:1: error: rule_id [not-a-uuid] is not a UUID"), err);
        assertTrue(err.contains("g_risk.toml:10:1: error: risk_score 101 is outside 0–100"), err);
        assertTrue(err.contains("h_severity.toml:12:1: error: unknown severity [informational] (use low, medium,"),
                err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(err.contains("compiled 1 rule from 8 files; 7 errors"), err);
    }

    @Test
    void reportsQuerySyntaxErrorsAtTheirPlaceInTheFile() throws IOException {
        String q = "query = \"event.action: x\"";
        write("kql.toml", GOOD.replace(q, "query = '''\nevent.action: x and (user.name: y\n'''"));
        write("eql.toml", GOOD.replace("type = \"query\"", "type = \"eql\"")
                .replace("language = \"kuery\"", "language = \"eql\"")
                .replace(q, "query = '''\nprocess where where\n'''"));
        write("esql.toml", GOOD.replace("type = \"query\"", "type = \"esql\"")
                .replace("language = \"kuery\"", "language = \"esql\"").replace("index = [\"logs-*\"]\n", "")
                .replace(q, "query = '''\nFROM logs-* | WHERE event.action == \"x\"\n'''"));
        CommandRun run = CommandRun.of("compile", tmp.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.err().contains("kql.toml:18:1: error: unexpected end of query, expecting )"), run::toString);
        assertTrue(run.err().contains("[kql.syntax]"), run::toString);
        assertTrue(run.err().contains("eql.toml:17:15: error: EQL: "), run::toString);
        assertTrue(run.err().contains("esql.toml:16:1: error:"), run::toString);
        assertTrue(run.err().contains("[esql.detection]"), run::toString);
    }

    @Test
    void reportsLuceneSyntaxErrorsInsideTheTomlString() throws IOException {
        String q = "query = \"event.action: x\"";
        String lucene = GOOD.replace("language = \"kuery\"", "language = \"lucene\"");
        write("ok.toml", lucene.replace(q, "query = 'event.action:(x OR \"y z\") AND NOT user.name:/adm.*/'"));
        write("multi.toml", lucene.replace("Good Rule", "Multi").replace("555555555555", "555555555556")
                .replace(q, "query = '''\nevent.action:x AND\n  user.name:[a TO b'''"));
        write("single.toml", lucene.replace("Good Rule", "Single").replace("555555555555", "555555555557")
                .replace(q, "query = \"event.action:x AND (user.name:y\""));
        CommandRun run = CommandRun.of("compile", tmp.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.out().lines().count(), run::toString);
        assertTrue(run.err().contains("multi.toml:18:20: error: unexpected end of query, expecting ] or }"
                + " [lucene.syntax]"), run::toString);
        assertTrue(run.err().contains("single.toml:16:41: error: unexpected end of query, expecting ) [lucene.syntax]"),
                run::toString);
    }

    @Test
    void warnsAboutUnknownKeysWithTheirPosition() throws IOException {
        write("r.toml", GOOD.replace("severity = \"low\"", "severity = \"low\"\nseverity_typo = 1"));
        CommandRun run = CommandRun.of("compile", tmp.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("r.toml:13:1: warning: unknown key [rule.severity_typo] is ignored"), run::toString);
    }

    @Test
    void writesOneFilePerRuleIntoAFolderAndLeavesUnchangedFilesAlone() throws IOException {
        write("in.toml", GOOD);
        Path out = tmp.resolve("out");
        CommandRun first = CommandRun.of("compile", "--format", "json", "--out", out + "/", tmp.resolve("in.toml").toString());
        assertEquals(0, first.exitCode(), first::toString);
        Path file = out.resolve("good_rule.json");
        JsonNode payload = Json.MAPPER.readTree(file.toFile());
        assertEquals("Good Rule", payload.get("name").asText());
        assertTrue(first.err().contains("1 file changed"), first::toString);
        CommandRun second = CommandRun.of("compile", "--format", "json", "--out", out + "/", tmp.resolve("in.toml").toString());
        assertTrue(second.err().contains("0 files changed"), second::toString);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(file), s.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void aMisspeltTomlKeyIsAWarningThatSuggestsTheKeyItMeant() throws IOException {
        Path rule = write("typo.toml", GOOD.replace("index = [", "indx = ["));
        CommandRun run = CommandRun.of("compile", rule.toString());
        assertTrue(run.err().contains("typo.toml:14:1: warning: unknown key [rule.indx] is ignored (did you mean"
                + " [rule.index]?) [toml.unknown-key]"), run::toString);
    }

    @Test
    void aMisspeltPipelineIsAUsageErrorThatSuggestsTheBuiltInItMeant() throws IOException {
        Path rule = write("good.toml", GOOD);
        CommandRun run = CommandRun.of("compile", "--pipeline", "aws-cloudtrial", rule.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown pipeline 'aws-cloudtrial': not a file, and not a built-in pipeline"
                + " (did you mean 'aws-cloudtrail'?); `rulec pipelines` lists the"), run::toString);
    }

    @Test
    void tomlOutputReadsBackToTheSamePayload() throws IOException {
        write("in.toml", GOOD);
        Path toml = tmp.resolve("out.toml");
        assertEquals(0, CommandRun.of("compile", "--format", "toml", "--out", toml.toString(),
                tmp.resolve("in.toml").toString()).exitCode());
        CommandRun again = CommandRun.of("compile", toml.toString());
        CommandRun original = CommandRun.of("compile", tmp.resolve("in.toml").toString());
        assertEquals(original.out(), again.out());
    }

    @Test
    void writesCompileProblemsAsSarifThatValidatesAgainstTheSchema() throws Exception {
        write("a_good.toml", GOOD);
        write("g_risk.toml", GOOD.replace("risk_score = 21", "risk_score = 101"));
        Path sarif = tmp.resolve("out/problems.sarif");
        CommandRun run = CommandRun.of("compile", "--diagnostics", "sarif", "--diagnostics-out", sarif.toString(),
                tmp.toString());
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode log = Json.MAPPER.readTree(sarif.toFile());
        assertEquals(java.util.Set.of(), dev.rulec.diag.report.ReportFormatsTest.sarifSchema().validate(log));
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals("toml.out-of-range", result.get("ruleId").asText());
        assertEquals(10, result.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    private static final String SIGMA_REGEX = """
            title: Regex Rule
            id: 5d0f4c59-2a3e-4b7c-9d1e-6f7a8b9c0d1e
            description: d
            logsource:
                product: somethingelse
            detection:
                sel:
                    EventType: Login
                re:
                    UserAgent|re: 'curl/[0-9]+'
                condition: sel and re
            level: low
            """;

    @Test
    void aSigmaRegexBecomesAQueryDslFilterOfTheKqlRuleByDefault() throws IOException {
        Path rule = write("regex.yml", SIGMA_REGEX);
        CommandRun run = CommandRun.of("compile", "--target", "kql", rule.toString());
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode payload = Json.MAPPER.readTree(run.out());
        assertEquals("EventType:\"Login\"", payload.path("query").asText(), run::toString);
        JsonNode filter = payload.path("filters").path(0);
        assertEquals("custom", filter.path("meta").path("type").asText());
        assertEquals(filter.path("query"), Json.MAPPER.readTree(filter.path("meta").path("value").asText()));
        assertEquals(".*curl\\/([0-9])+.*", filter.path("query").path("regexp").path("UserAgent").path("value").asText());
        assertTrue(run.err().contains("regex.yml:7:5: note: rule [Regex Rule], field [UserAgent]: KQL has no form for a "
                + "regular expression"), run::toString);
    }

    @Test
    void kqlFiltersErrorKeepsPureKqlAndRefusesTheRule() throws IOException {
        Path rule = write("regex.yml", SIGMA_REGEX);
        CommandRun run = CommandRun.of("compile", "--kql-filters", "error", rule.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("KQL has no regular expressions") && run.err().contains("[kql.unsupported]"),
                run::toString);
        CommandRun bad = CommandRun.of("compile", "--kql-filters", "maybe", rule.toString());
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("unknown --kql-filters 'maybe': use dsl or error"), bad::toString);
    }

    @Test
    void rejectsAnUnknownFormatAsAUsageError() {
        CommandRun run = CommandRun.of("compile", "--format", "yaml", "rules");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown --format 'yaml'"), run::toString);
    }

    @Test
    void reportsAMissingPath() {
        CommandRun run = CommandRun.of("compile", "no/such/dir");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no/such/dir:1:1: error: no such file or folder"), run::toString);
    }
}
