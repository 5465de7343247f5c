package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Rule;
import dev.rulec.model.Severity;
import dev.rulec.model.Threat;
import dev.rulec.model.ThresholdSpec;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.target.Target;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.testsupport.DebugRenderer;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole files through the front-end with the built-in pipelines: seed rule, metadata, correlations, filters. */
class SigmaFrontEndTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SigmaFrontEndTest.class.getResource("/sigma/" + name).toURI());
    }

    private static Expr ci(String field, String value) {
        return new Expr.Match(field, Literal.string(value), CaseMode.INSENSITIVE);
    }

    @Test
    void seedRuleSelectsTheListedRegionsMinusAwsServiceAndReplication() throws Exception {
        Diagnostics d = new Diagnostics();
        SigmaFrontEnd.Parsed p = new SigmaFrontEnd(PipelineSet.builtIns())
                .parse(List.of(dev.rulec.testsupport.Seeds.sigma003()), d);
        assertFalse(d.hasErrors(), d.all().toString());
        Expr expected = Expr.and(
                new Expr.Match("event.dataset", Literal.string("aws.cloudtrail"), CaseMode.SENSITIVE),
                new Expr.Match("event.provider", new Literal.Str(Pattern.of(Pattern.ANY_STRING)), CaseMode.INSENSITIVE),
                Expr.or(ci("cloud.region", "ap-east-1"), ci("cloud.region", "af-south-1"),
                        ci("cloud.region", "me-south-1"), ci("cloud.region", "eu-south-1")),
                Expr.not(ci("aws.cloudtrail.user_identity.type", "AWSService")),
                Expr.not(Expr.or(ci("event.action", "ReplicateObject"), ci("event.action", "ReplicateDelete"),
                        ci("event.action", "ReplicateTags"))));
        assertEquals(expected, p.rules().get(0).detection());
    }

    @Test
    void seedRuleMetadataBecomesAKibanaRule() throws Exception {
        Diagnostics d = new Diagnostics();
        List<LoadedRule> rules = SigmaFrontEnd.compile(dev.rulec.testsupport.Seeds.sigma003(),
                new DebugRenderer(Target.KQL), PipelineSet.builtIns(), d);
        assertFalse(d.hasErrors(), d.all().toString());
        Rule r = rules.get(0).rule();
        assertEquals("6b3c5d7e-2f4a-6b8c-1d3e-5f6a7b8c9d0e", r.ruleId());
        assertEquals(Severity.MEDIUM, r.severity());
        assertEquals(47, r.riskScore());
        Detection.Query q = assertInstanceOf(Detection.Query.class, r.detection());
        assertEquals(QueryLanguage.KUERY, q.language());
        assertEquals(List.of("logs-aws.cloudtrail-*"), q.scope().index());
        assertEquals(List.of("forensics-complete"), r.about().author());
        // T1078 belongs to initial-access (named) but not credential-access: it is filed only under the former.
        List<Threat> threat = r.about().threat();
        assertEquals(2, threat.size());
        assertEquals("TA0001", threat.get(0).tactic().id());
        assertEquals("T1078", threat.get(0).techniques().get(0).ref().id());
        assertEquals("T1078.004", threat.get(0).techniques().get(0).subtechniques().get(0).id());
        assertEquals("TA0006", threat.get(1).tactic().id());
        assertTrue(threat.get(1).techniques().isEmpty());
        assertEquals(Optional.of("2025-11-14"), r.metadata().creationDate());
    }

    @Test
    void esqlTargetGivesAnEsqlDetection() throws Exception {
        Diagnostics d = new Diagnostics();
        List<LoadedRule> rules = SigmaFrontEnd.compile(dev.rulec.testsupport.Seeds.sigma003(),
                new DebugRenderer(Target.ESQL), PipelineSet.builtIns(), d);
        Detection.Esql e = assertInstanceOf(Detection.Esql.class, rules.get(0).rule().detection());
        assertTrue(e.query().startsWith("FROM logs-aws.cloudtrail-*"), e.query());
    }

    @Test
    void eventCountWithGroupByBecomesAThresholdRule() throws Exception {
        Diagnostics d = new Diagnostics();
        List<LoadedRule> rules = SigmaFrontEnd.compile(resource("correlation-event-count.yml"),
                new DebugRenderer(Target.KQL), PipelineSet.builtIns(), d);
        assertFalse(d.hasErrors(), d.all().toString());
        // the referenced rule is only a building block of the correlations (no generate: true)
        assertEquals(2, rules.size());
        Rule c = rules.get(0).rule();
        Detection.Threshold t = assertInstanceOf(Detection.Threshold.class, c.detection());
        assertEquals(new ThresholdSpec(List.of("source.address"), 20, List.of()), t.threshold());
        assertEquals(Optional.of("10m"), c.schedule().interval());
        assertEquals(Optional.of("now-10m"), c.schedule().from());
        assertTrue(c.about().note().orElseThrow().contains("do not slide"));
        Detection.Threshold v = assertInstanceOf(Detection.Threshold.class, rules.get(1).rule().detection());
        assertEquals(new ThresholdSpec(List.of("source.address"), 1,
                List.of(new ThresholdSpec.Cardinality("aws.cloudtrail.user_identity.arn", 5))), v.threshold());
    }

    @Test
    void eventCountInEsqlCountsByGroup() throws Exception {
        Diagnostics d = new Diagnostics();
        List<LoadedRule> rules = SigmaFrontEnd.compile(resource("correlation-event-count.yml"), new EsqlRenderer(),
                PipelineSet.builtIns(), d);
        assertFalse(d.hasErrors(), d.all().toString());
        Detection.Esql e = assertInstanceOf(Detection.Esql.class, rules.get(0).rule().detection());
        assertTrue(e.query().startsWith("FROM logs-aws.cloudtrail-* METADATA _id, _index, _version\n| WHERE "),
                e.query());
        assertTrue(e.query().endsWith("\n| STATS event_count = COUNT(*) BY source.address\n| WHERE event_count >= 20"),
                e.query());
        assertTrue(d.all().stream().anyMatch(x -> x.code().equals("sigma.static-window")));
    }

    @Test
    void temporalInEsqlCountsTheRulesMatchedPerGroup() throws Exception {
        Diagnostics d = new Diagnostics();
        List<LoadedRule> rules = SigmaFrontEnd.compile(resource("correlation-temporal.yml"), new EsqlRenderer(),
                PipelineSet.builtIns(), d);
        assertFalse(d.hasErrors(), d.all().toString());
        String q = assertInstanceOf(Detection.Esql.class, rules.get(0).rule().detection()).query();
        assertTrue(q.contains("\n| EVAL rule_0 = CASE("), q);
        assertTrue(q.contains("\n| STATS rule_0 = MAX(rule_0), rule_1 = MAX(rule_1) BY source.address"
                + "\n| EVAL rules_matched = rule_0 + rule_1\n| WHERE rules_matched >= 2"), q);
        String ordered = assertInstanceOf(Detection.Esql.class, rules.get(1).rule().detection()).query();
        assertTrue(ordered.endsWith("\n| STATS first_time = MIN(first_time), second_time = MAX(second_time)"
                + " BY source.address\n| WHERE first_time < second_time"), ordered);
    }

    @Test
    void temporalForKqlIsAnErrorWithAReason() throws Exception {
        Diagnostics d = new Diagnostics();
        SigmaFrontEnd.compile(resource("correlation-temporal.yml"), new DebugRenderer(Target.KQL),
                PipelineSet.builtIns(), d);
        assertTrue(d.all().stream().anyMatch(x -> x.format().contains("compile it with --target esql")),
                d.all().toString());
    }

    @Test
    void metaFilterIsAppliedToTheRulesItNames() throws Exception {
        Diagnostics d = new Diagnostics();
        SigmaFrontEnd.Parsed p = new SigmaFrontEnd(PipelineSet.builtIns()).parse(List.of(resource("filter-meta.yml")), d);
        assertFalse(d.hasErrors(), d.all().toString());
        Expr expected = Expr.and(
                new Expr.Match("event.dataset", Literal.string("aws.cloudtrail"), CaseMode.SENSITIVE),
                ci("event.action", "AssumeRole"),
                Expr.not(new Expr.Match("aws.cloudtrail.user_identity.arn",
                        new Literal.Str(Pattern.of(Pattern.ANY_STRING, new Pattern.Text(":role/automation"))),
                        CaseMode.INSENSITIVE)));
        assertEquals(expected, p.rules().get(0).detection());
    }

    @Test
    void informationalLevelBecomesLowWithTheLowestScore() {
        var e = dev.rulec.source.sigma.meta.SeverityTable.forLevel("informational").orElseThrow();
        assertEquals(Severity.LOW, e.severity());
        assertEquals(1, e.riskScore());
    }

    @Test
    void unmappedFieldIsAnErrorNamingThePipeline() {
        Diagnostics d = new Diagnostics();
        new SigmaFrontEnd(PipelineSet.builtIns()).parseText("title: t\nid: x\nlevel: low\nlogsource:\n"
                + "    product: aws\n    service: cloudtrail\ndetection:\n    s:\n        noSuchField: 1\n"
                + "    condition: s\n", "r.yml", d);
        assertEquals("r.yml:9:9: error: field [noSuchField] has no mapping in pipeline [aws-cloudtrail] (add it to"
                + " the pipeline's fields, or set unmapped: warning) [pipeline.unmapped-field]", d.all().get(0).format());
    }

    @Test
    void wholeRequestParametersOnlyTakesContainsMatches() {
        Diagnostics d = new Diagnostics();
        new SigmaFrontEnd(PipelineSet.builtIns()).parseText("title: t\nid: x\nlevel: low\nlogsource:\n"
                + "    product: aws\n    service: cloudtrail\ndetection:\n    s:\n        requestParameters: 'x'\n"
                + "    condition: s\n", "r.yml", d);
        assertTrue(d.all().get(0).format().contains("only contains-style matches keep their meaning"),
                d.all().toString());
    }

    @Test
    void valuesFileFeedsTheExpandModifier(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path values = dir.resolve("values.yml");
        java.nio.file.Files.writeString(values, "admins:\n  - root\n  - toor\n");
        Diagnostics d = new Diagnostics();
        var placeholders = SigmaFrontEnd.loadPlaceholders(values, d);
        assertEquals(java.util.Map.of("admins", List.of("root", "toor")), placeholders);
        var p = new SigmaFrontEnd(PipelineSet.empty()).withPlaceholders(placeholders).parseText(
                SigmaTestSupport.rule("    sel:\n        u|expand: '%admins%'\n    condition: sel\n"), "r.yml", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(Expr.or(ci("u", "root"), ci("u", "toor")), p.rules().get(0).detection());
    }

    @Test
    void theProjectsOwnSigmaRulesCompileWithoutErrors() throws Exception {
        Path dir = Path.of("rules", "sigma");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir), "no rules/sigma folder");
        List<Path> files;
        try (var s = java.nio.file.Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        Diagnostics d = new Diagnostics();
        List<LoadedRule> rules = new SigmaFrontEnd(PipelineSet.builtIns()).compile(files, new EsqlRenderer(), d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(files.size(), rules.size());
    }

    @Test
    void pipelineTranslatesValuesTheTargetSpellsDifferently() {
        Diagnostics d = new Diagnostics();
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n    category: network_connection\n"
                + "detection:\n    s:\n        Initiated: 'true'\n    condition: s\n";
        var p = new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(Expr.and(new Expr.Match("event.category", Literal.string("network"), CaseMode.SENSITIVE),
                ci("network.direction", "egress")), p.rules().get(0).detection());
        Diagnostics bad = new Diagnostics();
        new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule.replace("'true'", "'maybe'"), "r.yml", bad);
        assertEquals("r.yml:9:20: error: field [network.direction] only takes the values [false, true] of the rule,"
                + " translated by the pipeline; [maybe] is not one of them; its alternative [windows-network-sysmon] cannot"
                + " map the rule either (match one of those values exactly) [pipeline.unmapped-value]", bad.all().get(0).format());
    }

    @Test
    void packedHashesBecomeOneFieldPerKeyWhenWhole() {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n    category: process_creation\n"
                + "detection:\n    s:\n        Hashes|contains: 'IMPHASH=A9D50692E95B79723F3E76FCF70D023E'\n"
                + "    condition: s\n";
        Diagnostics d = new Diagnostics();
        var p = new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertTrue(p.rules().get(0).detection().toString()
                .contains(ci("process.pe.imphash", "A9D50692E95B79723F3E76FCF70D023E").toString()));
        Diagnostics bad = new Diagnostics();
        new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule.replace("=A9D5", "=D5"), "r.yml", bad);
        assertTrue(bad.all().get(0).format().contains("is not a whole IMPHASH value (32 characters)"),
                bad.all().toString());
    }

    @Test
    void aPackedKeyWithoutValueAsksWhetherTheItemIsThere() {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n    category: process_creation\n"
                + "detection:\n    s:\n        Hashes|contains: 'IMPHASH='\n    condition: s\n";
        Diagnostics d = new Diagnostics();
        var p = new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertTrue(p.rules().get(0).detection().toString().contains(new Expr.Exists("process.pe.imphash").toString()),
                p.rules().get(0).detection().toString());
    }
}
