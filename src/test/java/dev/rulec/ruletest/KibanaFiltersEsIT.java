package dev.rulec.ruletest;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ruletest.es.EsClient;
import dev.rulec.ruletest.es.EsEngine;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.es.RequiresElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * On a real node, a TOML query rule's Kibana filters take part in the search as the detection engine applies them:
 * custom Query DSL ANDed on, negated filters excluded, disabled ones ignored.
 */
@RequiresElasticsearch
class KibanaFiltersEsIT {

    @TempDir
    Path dir;

    @Test
    void theNodeAppliesTheRulesFilters(EsNode node) throws IOException {
        Files.writeString(dir.resolve("rule.toml"), "[metadata]\ncreation_date = \"2026/01/01\"\n"
                + "updated_date = \"2026/01/01\"\nmaturity = \"production\"\n\n[rule]\nauthor = [\"t\"]\n"
                + "description = \"d\"\nname = \"Test\"\nrisk_score = 21\n"
                + "rule_id = \"00000000-0000-0000-0000-00000000000a\"\nseverity = \"low\"\ntype = \"query\"\n"
                + "index = [\"logs-*\"]\nlanguage = \"kuery\"\nfrom = \"now-1h\"\n" + RuleTestRunnerTest.FILTERED_RULE);
        Files.writeString(dir.resolve("rule.yml"), "rule: 00000000-0000-0000-0000-00000000000a\nevents:\n"
                + "  - {alert: true, event: {\"@timestamp\": now-5m, event.action: Get, user_agent.original: curl/8,"
                + " user.name: bob}}\n"
                + "  - {alert: false, event: {\"@timestamp\": now-5m, event.action: Get, user_agent.original: curl/8,"
                + " user.name: root}}\n"
                + "  - {alert: false, event: {\"@timestamp\": now-5m, event.action: Get, user_agent.original: wget}}\n"
                + "  - {alert: false, event: {\"@timestamp\": now-5m, event.action: Put, user_agent.original: curl/8}}\n");
        Diagnostics d = new Diagnostics();
        RuleTestRunner.Inputs in = RuleTestRunner.read(List.of(dir), d);
        assertFalse(d.hasErrors(), d.all()::toString);
        EsEngine es = new EsEngine(new EsClient(node.url().toString(),
                node.auth()));
        List<RuleResult> results = new RuleTestRunner(es, Instant.now()).run(in);
        assertEquals(1, results.size(), results::toString);
        assertEquals(RuleResult.Status.PASS, results.get(0).status(), results::toString);
    }
}
