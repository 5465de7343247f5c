package dev.rulec.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.SourcePos;
import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.KibanaVersion;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployerTest {
    private StandInKibana kibana;

    @BeforeEach
    void start() {
        kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"));
    }

    @AfterEach
    void stop() {
        if (kibana != null) {
            kibana.close();
        }
    }

    private void assertNoViolations() {
        assertEquals(List.of(), kibana.violations(), "schema violations");
    }

    private Deployer deployer(DeployOptions options) {
        return new Deployer(KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None())), options);
    }

    private static Map<Action, Integer> nonZero(Plan p) {
        Map<Action, Integer> m = new EnumMap<>(Action.class);
        p.counts().forEach((k, v) -> {
            if (v > 0) {
                m.put(k, v);
            }
        });
        return m;
    }

    private DeployResult deploy(List<Payload> rules, DeployOptions options) {
        Deployer d = deployer(options);
        return d.apply(d.plan(rules), Progress.none());
    }

    @Test
    void createsAllRulesThenASecondRunWritesNothing() {
        List<Payload> rules = SyntheticRules.payloads(25);
        Deployer d = deployer(DeployOptions.defaults().withBatchSize(10));
        Plan first = d.plan(rules);
        assertEquals(Map.of(Action.CREATE, 25), nonZero(first));
        List<int[]> progress = new ArrayList<>();
        DeployResult r = d.apply(first, (done, total) -> progress.add(new int[]{done, total}));
        assertTrue(r.ok(), () -> r.failures().toString());
        assertEquals(3, r.writeRequests());
        assertEquals(List.of(10, 20, 25), progress.stream().map(p -> p[0]).toList());
        assertEquals(25, kibana.rules("default").size());
        assertTrue(kibana.rules("default").stream().allMatch(ManagedMarker::isManaged));

        kibana.clearCalls();
        Plan second = d.plan(rules);
        assertEquals(Map.of(Action.UNCHANGED, 25), nonZero(second));
        assertFalse(second.hasChanges());
        DeployResult r2 = d.apply(second, Progress.none());
        assertEquals(0, r2.writeRequests());
        assertEquals(0, kibana.writeCalls());
        assertNoViolations();
    }

    @Test
    void updatesOnlyTheRuleThatChangedAndKeepsItsKibanaId() {
        List<Payload> rules = SyntheticRules.payloads(6);
        deploy(rules, DeployOptions.defaults());
        String idBefore = kibana.rules("default").get(1).path("id").asText();
        ObjectNode changed = rules.get(1).body().put("query", "event.action: \"Changed\"");
        List<Payload> next = new ArrayList<>(rules);
        next.set(1, Payload.of(changed, rules.get(1).source()));

        Deployer d = deployer(DeployOptions.defaults());
        Plan plan = d.plan(next);
        assertEquals(Map.of(Action.UPDATE, 1, Action.UNCHANGED, 5), nonZero(plan));
        PlanEntry update = plan.entries().stream().filter(e -> e.action() == Action.UPDATE).findFirst().orElseThrow();
        assertEquals(List.of("query"), update.changes());
        DeployResult r = d.apply(plan, Progress.none());
        assertTrue(r.ok());
        assertEquals(1, r.writeRequests());
        ObjectNode after = kibana.rules("default").stream().filter(x -> x.path("rule_id").asText().equals(update.ruleId()))
                .findFirst().orElseThrow();
        assertEquals(idBefore, after.path("id").asText());
        assertEquals(1, after.path("revision").asInt());
        assertEquals(6, kibana.rules("default").size());
        assertNoViolations();
    }

    @Test
    void neverTouchesARuleThatRulecDoesNotManage() {
        List<Payload> rules = SyntheticRules.payloads(3);
        kibana.seed("default", rules.get(0).body());                 // same rule_id, created by hand: no marker
        kibana.seed("default", SyntheticRules.rule(99));               // another hand-made rule
        String before = kibana.rules("default").toString();

        Deployer d = deployer(DeployOptions.defaults().withPrune(true));
        Plan plan = d.plan(rules);
        assertEquals(Map.of(Action.CONFLICT, 1, Action.CREATE, 2), nonZero(plan));
        assertTrue(plan.hasErrors());
        Diagnostic conflict = plan.diagnostics().get(0);
        assertEquals("rules/synthetic/rule-0.toml:1:1: error: rule_id [00000000-0000-4000-8000-000000000000] exists in "
                + "Kibana but is not managed by rulec (no tag [rulec:managed]); rulec does not touch it (delete it in "
                + "Kibana, add the tag there to hand it over, or change the rule_id) [deploy.conflict]", conflict.format());
        DeployResult r = d.apply(plan, Progress.none());
        assertEquals(1, r.failures().size());
        assertEquals(4, kibana.rules("default").size());
        assertTrue(kibana.rules("default").toString().contains(before.substring(1, before.length() - 1)),
                "unmanaged rules unchanged");
        assertNoViolations();
    }

    @Test
    void pruneDeletesOnlyManagedRulesGoneFromTheSource() {
        List<Payload> rules = SyntheticRules.payloads(5);
        deploy(rules, DeployOptions.defaults());
        kibana.seed("default", SyntheticRules.rule(99));
        List<Payload> fewer = rules.subList(0, 2);
        String kept = rules.get(4).ruleId();                           // failed to build this time: must survive

        Deployer d = deployer(DeployOptions.defaults().withPrune(true).withKeep(Set.of(kept)));
        Plan plan = d.plan(fewer);
        assertEquals(Map.of(Action.UNCHANGED, 2, Action.DELETE, 2), nonZero(plan));
        DeployResult r = d.apply(plan, Progress.none());
        assertTrue(r.ok(), () -> r.failures().toString());
        assertEquals(1, r.writeRequests());
        Set<String> left = kibana.rules("default").stream().map(x -> x.path("rule_id").asText()).collect(Collectors.toSet());
        assertEquals(Set.of(rules.get(0).ruleId(), rules.get(1).ruleId(), kept, SyntheticRules.rule(99).path("rule_id").asText()), left);

        Plan without = deployer(DeployOptions.defaults()).plan(fewer);
        assertEquals(0, without.counts().get(Action.DELETE), "no prune without --prune");
        assertNoViolations();
    }

    @Test
    void aRuleIdUsedTwiceInTheSourceIsAnErrorAndNotDeployed() {
        ObjectNode a = SyntheticRules.rule(1);
        ObjectNode b = SyntheticRules.rule(1).put("name", "Other");
        Plan plan = deployer(DeployOptions.defaults()).plan(List.of(Payload.of(a, SourcePos.startOf("a.toml")),
                Payload.of(b, SourcePos.startOf("b.yml"))));
        assertEquals(Map.of(Action.CONFLICT, 1), nonZero(plan));
        assertTrue(plan.diagnostics().get(0).format().contains("is used by more than one rule (also b.yml:1:1)"));
    }

    @Test
    void enableOverridesThePayloadsEnabledFlag() {
        List<Payload> rules = SyntheticRules.payloads(2);
        deploy(rules, DeployOptions.defaults());
        Deployer d = deployer(DeployOptions.defaults().withEnabled(true));
        Plan plan = d.plan(rules);
        assertEquals(Map.of(Action.UPDATE, 2), nonZero(plan));
        assertEquals(List.of("enabled"), plan.entries().get(0).changes());
        d.apply(plan, Progress.none());
        assertTrue(kibana.rules("default").stream().allMatch(x -> x.path("enabled").asBoolean()));
        assertEquals(Map.of(Action.UNCHANGED, 2), nonZero(d.plan(rules)));
    }

    @Test
    void perRuleImportErrorsNameTheSourceFileAndARerunConverges() {
        List<Payload> rules = SyntheticRules.payloads(8);
        kibana.rejectOnImport(r -> r.path("name").asText().endsWith(" 3"));
        DeployResult r = deploy(rules, DeployOptions.defaults());
        assertEquals(1, r.failures().size());
        assertEquals("rules/synthetic/rule-3.toml:1:1: error: create of rule [00000000-0000-4000-8000-000000000003] failed: "
                + "stand-in refused rule \"00000000-0000-4000-8000-000000000003\": invalid query (400)", r.failures().get(0).format());
        assertEquals(7, kibana.rules("default").size());

        kibana.rejectOnImport(x -> false);
        Plan again = deployer(DeployOptions.defaults()).plan(rules);
        assertEquals(Map.of(Action.CREATE, 1, Action.UNCHANGED, 7), nonZero(again));
        assertTrue(deploy(rules, DeployOptions.defaults()).ok());
        assertEquals(8, kibana.rules("default").size());
        assertNoViolations();
    }

    @Test
    void aPayloadTheSchemaRejectsIsAPerRuleErrorNotASilentSuccess() {
        ObjectNode bad = SyntheticRules.rule(0).put("risk_score", 500);
        DeployResult r = deploy(List.of(Payload.of(bad, SourcePos.startOf("bad.toml")), SyntheticRules.payloads(2).get(1)),
                DeployOptions.defaults());
        assertEquals(1, r.failures().size());
        String msg = r.failures().get(0).format();
        assertTrue(msg.startsWith("bad.toml:1:1: error: create of rule") && msg.contains("risk_score"), msg);
        assertEquals(1, kibana.rules("default").size());
    }

    @Test
    void fieldsAnOlderStackDoesNotKnowAreDroppedWithAWarning() {
        kibana.version("8.10.4");
        ObjectNode rule = SyntheticRules.rule(0);
        rule.putObject("investigation_fields").putArray("field_names").add("user.name");
        ObjectNode esql = SyntheticRules.rule(2);
        Deployer d = deployer(DeployOptions.defaults());
        Plan plan = d.plan(List.of(Payload.of(rule, SourcePos.startOf("a.toml")), Payload.of(esql, SourcePos.startOf("e.toml"))));
        assertEquals(new KibanaVersion(8, 10, 4), plan.kibanaVersion());
        assertEquals(List.of(
                "a.toml:1:1: warning: Kibana 8.10.4 does not know investigation_fields (needs 8.11.0); dropped from rule "
                        + "[00000000-0000-4000-8000-000000000000] [deploy.field-dropped]"),
                plan.diagnostics().stream().filter(x -> !x.isError()).map(Diagnostic::format).toList());
        assertFalse(plan.entries().get(0).body().orElseThrow().has("investigation_fields"));

        kibana.version("8.12.0");
        Plan older = d.plan(List.of(Payload.of(esql, SourcePos.startOf("e.toml"))));
        assertEquals(Map.of(Action.SKIP, 1), nonZero(older));
        assertTrue(older.hasErrors());
        assertFalse(d.apply(older, Progress.none()).ok());
    }

    @Test
    void aRuleWhoseMinStackVersionIsNewerIsSkippedWithAWarning() {
        kibana.version("8.14.0");
        Payload p = new Payload("r1", SyntheticRules.rule(0).put("rule_id", "r1"), SourcePos.startOf("r1.toml"),
                Optional.of(KibanaVersion.parse("8.15.0")));
        Plan plan = deployer(DeployOptions.defaults()).plan(List.of(p));
        assertEquals(Map.of(Action.SKIP, 1), nonZero(plan));
        assertFalse(plan.hasErrors());
        assertTrue(deployer(DeployOptions.defaults()).apply(plan, Progress.none()).ok());
    }

    @Test
    void deploysIntoAKibanaSpace() {
        kibana.space("detections");
        Deployer d = new Deployer(KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None())
                .withSpace("detections")), DeployOptions.defaults());
        assertTrue(d.apply(d.plan(SyntheticRules.payloads(3)), Progress.none()).ok());
        assertEquals(3, kibana.rules("detections").size());
        assertEquals(0, kibana.rules("default").size());
        assertNoViolations();
    }
}
