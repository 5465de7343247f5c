package dev.rulec.ruletest;

import dev.rulec.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleTestRunnerTest {

    @TempDir
    Path dir;

    private List<RuleResult> run(Path... paths) {
        Diagnostics d = new Diagnostics();
        RuleTestRunner.Inputs in = RuleTestRunner.read(List.of(paths), d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        return new RuleTestRunner(new InProcessEngine(), Instant.now()).run(in);
    }

    private static RuleResult only(List<RuleResult> rs) {
        assertEquals(1, rs.size(), rs::toString);
        return rs.get(0);
    }

    @Test
    void projectRulesPassTheirFixturesAndTheMlRuleIsSkipped() {
        List<RuleResult> rs = run(Path.of("rules"), Path.of("fixtures"));
        assertEquals(5, rs.size());
        for (RuleResult r : rs) {
            if (r.ruleFile().contains("ml_")) {
                assertEquals(RuleResult.Status.SKIP, r.status());
                assertEquals(List.of("skipped: machine_learning rules need the ML job"), r.messages());
            } else {
                assertEquals(RuleResult.Status.PASS, r.status(), r::toString);
            }
        }
    }

    @Test
    void sigmaSeedIgnoresAwsServiceIdentitiesAndReplication() {
        RuleResult r = only(run(dev.rulec.testsupport.Seeds.sigma003(),
                Path.of("src/test/resources/ruletest/seed-003-aws-unusual-region.fixture.yml")));
        assertEquals(RuleResult.Status.PASS, r.status(), r::toString);
    }

    private Path rule(String type, String body) throws IOException {
        Path p = dir.resolve("rule.toml");
        Files.writeString(p, "[metadata]\ncreation_date = \"2026/01/01\"\nupdated_date = \"2026/01/01\"\n"
                + "maturity = \"production\"\n\n[rule]\nauthor = [\"t\"]\ndescription = \"d\"\nname = \"Test\"\n"
                + "risk_score = 21\nrule_id = \"00000000-0000-0000-0000-00000000000a\"\nseverity = \"low\"\n"
                + "type = \"" + type + "\"\nindex = [\"logs-*\"]\nlanguage = \"kuery\"\nfrom = \"now-1h\"\n" + body);
        return p;
    }

    private Path fixture(String yaml) throws IOException {
        Path p = dir.resolve("rule.yml");
        Files.writeString(p, "rule: 00000000-0000-0000-0000-00000000000a\n" + yaml);
        return p;
    }

    @Test
    void queryRuleFailsWithTheEventThatDidNotAlert() throws IOException {
        rule("query", "query = 'event.action: \"Get\"'\n");
        fixture("events:\n"
                + "  - {alert: true, event: {\"@timestamp\": now-5m, event.action: Get}}\n"
                + "  - {alert: true, event: {\"@timestamp\": now-5m, event.action: Put}}\n"
                + "  - {alert: true, event: {\"@timestamp\": now-2h, event.action: Get}}\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.FAIL, r.status());
        assertEquals(2, r.messages().size(), r::toString);
        assertTrue(r.messages().get(0).contains("rule.yml:4:") && r.messages().get(0).contains("event 2"),
                r.messages()::toString);
    }

    @Test
    void thresholdCountsGroupsAndCardinality() throws IOException {
        rule("threshold", "query = 'event.action: *'\n[rule.threshold]\nfield = [\"user.name\"]\nvalue = 3\n"
                + "[[rule.threshold.cardinality]]\nfield = \"source.ip\"\nvalue = 2\n");
        fixture("events:\n"
                + "  - {repeat: 2, event: {\"@timestamp\": now-5m, event.action: a, user.name: u1, source.ip: 10.0.0.1}}\n"
                + "  - {event: {\"@timestamp\": now-5m, event.action: a, user.name: u1, source.ip: 10.0.0.2}}\n"
                + "  - {repeat: 5, event: {\"@timestamp\": now-5m, event.action: a, user.name: u2, source.ip: 10.0.0.1}}\n"
                + "  - {repeat: 2, event: {\"@timestamp\": now-5m, event.action: a, user.name: u3, source.ip: [10.0.0.1, 10.0.0.3]}}\n"
                + "alerts:\n  - {group: {user.name: u1}, values: {_count: 3, cardinality.source.ip: 2}}\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.PASS, r.status(), r::toString);
    }

    @Test
    void newTermsReportsAMissingAlertByGroup() throws IOException {
        rule("new_terms", "query = 'event.action: a'\n[rule.new_terms]\nfield = \"new_terms_fields\"\n"
                + "value = [\"user.name\", \"host.name\"]\n[[rule.new_terms.history_window_start]]\n"
                + "field = \"history_window_start\"\nvalue = \"now-7d\"\n");
        fixture("events:\n"
                + "  - {event: {\"@timestamp\": now-2d, event.action: a, user.name: u, host.name: h1}}\n"
                + "  - {event: {\"@timestamp\": now-5m, event.action: a, user.name: u, host.name: [h1, h2]}}\n"
                + "alerts:\n  - {group: {user.name: u, host.name: h1}}\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.FAIL, r.status());
        assertEquals(2, r.messages().size(), r::toString);
        assertTrue(r.messages().get(0).contains("missing alert for {host.name=\"h1\", user.name=\"u\"}"),
                r.messages()::toString);
        assertTrue(r.messages().get(1).contains("unexpected alert {host.name=\"h2\", user.name=\"u\"}"),
                r.messages()::toString);
    }

    private void luceneRule(String query) throws IOException {
        rule("query", "query = '" + query + "'\n");
        Files.writeString(dir.resolve("rule.toml"), Files.readString(dir.resolve("rule.toml"))
                .replace("language = \"kuery\"", "language = \"lucene\""));
    }

    @Test
    void luceneQueriesRunInProcessThroughTheIr() throws IOException {
        luceneRule("event.action:(Get OR Put*) AND NOT user.name:root");
        fixture("events:\n  - {alert: true, event: {\"@timestamp\": now-5m, event.action: Get}}\n"
                + "  - {alert: true, event: {\"@timestamp\": now-5m, event.action: PutObject, user.name: u}}\n"
                + "  - {alert: false, event: {\"@timestamp\": now-5m, event.action: get}}\n"
                + "  - {alert: false, event: {\"@timestamp\": now-5m, event.action: Get, user.name: root}}\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.PASS, r.status(), r::toString);
    }

    @Test
    void luceneQueriesWhoseMeaningDependsOnAnalysisNeedACluster() throws IOException {
        luceneRule("event.action:Get~1");
        fixture("events:\n  - {alert: true, event: {\"@timestamp\": now-5m, event.action: Get}}\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.SKIP, r.status());
        assertEquals(List.of("skipped: needs a cluster (--es): the Lucene query: fuzzy matching (~) depends on edit"
                + " distances rulec does not compute"), r.messages());
    }

    /** A TOML query rule whose filters hold custom Query DSL, as rulec writes a Sigma regex KQL cannot express. */
    static final String FILTERED_RULE = "query = 'event.action: \"Get\"'\n"
            + "filters = [{meta = {alias = \"ua\", disabled = false, key = \"query\", negate = false, type = \"custom\", "
            + "value = \"{}\"}, query = {regexp = {\"user_agent.original\" = {value = \"curl/[0-9]+\"}}}}, "
            + "{meta = {negate = true}, query = {term = {\"user.name\" = {value = \"root\"}}}}, "
            + "{meta = {disabled = true}, query = {match_none = {}}}]\n";

    @Test
    void tomlRulesWithKibanaFiltersNeedACluster() throws IOException {
        rule("query", FILTERED_RULE);
        fixture("events:\n  - {alert: true, event: {\"@timestamp\": now-5m, event.action: Get}}\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.SKIP, r.status(), r::toString);
        assertEquals("skipped: needs a cluster (--es): Kibana filters (Query DSL) are not evaluated in process",
                r.messages().get(0));
    }

    @Test
    void sigmaRulesWithRegexesRunInProcessThroughTheirTree() throws IOException {
        Files.writeString(dir.resolve("rule.yml"), "title: Curl Agent\nid: 00000000-0000-0000-0000-00000000000b\n"
                + "logsource:\n    product: somethingelse\ndetection:\n    sel:\n        EventType: Login\n"
                + "    re:\n        UserAgent|re: 'curl/[0-9]+'\n    condition: sel and re\nlevel: low\n");
        Files.writeString(dir.resolve("fixture.yml"), "rule: 00000000-0000-0000-0000-00000000000b\nevents:\n"
                + "  - {alert: true, event: {\"@timestamp\": now-5m, EventType: Login, UserAgent: curl/8.1}}\n"
                + "  - {alert: false, event: {\"@timestamp\": now-5m, EventType: Login, UserAgent: curl/x}}\n"
                + "  - {alert: false, event: {\"@timestamp\": now-5m, EventType: Logout, UserAgent: curl/8.1}}\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.PASS, r.status(), r::toString);
    }

    @Test
    void fixtureForAnUnknownRuleIsAnError() throws IOException {
        Files.writeString(dir.resolve("f.yml"), "rule: nope\nevents: []\n");
        RuleResult r = only(run(dir));
        assertEquals(RuleResult.Status.ERROR, r.status());
    }
}
