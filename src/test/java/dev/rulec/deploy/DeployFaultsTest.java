package dev.rulec.deploy;

import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.KibanaRule;
import dev.rulec.kibana.KibanaException;
import dev.rulec.kibana.RetryPolicy;
import dev.rulec.kibana.standin.Fault;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every injected fault: what the run reports, and that a re-run ends with exactly the source's rules. */
class DeployFaultsTest {
    private static final String IMPORT = "/api/detection_engine/rules/_import";
    private StandInKibana kibana;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"));
        // Warm the stand-in's validators (the first validation of a kind takes seconds), so the short read timeout
        // below measures injected delays, not the stand-in's start.
        kibana.space("warm");
        KibanaClient warm = KibanaClient.connect(KibanaConfig.of(kibana.url(), new KibanaAuth.None()).withSpace("warm"));
        warm.version();
        warm.importRules(SyntheticRules.payloads(5).stream().map(Payload::body).toList());
        warm.deleteRules(warm.findAllRules().stream().map(KibanaRule::id).toList());
        warm.deleteRules(List.of("no-such-id"));
        kibana.clearCalls();
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), kibana.violations(), "schema violations");
        kibana.close();
    }

    private KibanaConfig config(int attempts) {
        return KibanaConfig.of(kibana.url(), new KibanaAuth.None())
                .withRetry(new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.5))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700));
    }

    private Deployer deployer(int attempts) {
        return new Deployer(KibanaClient.connect(config(attempts), sleeps::add), DeployOptions.defaults().withBatchSize(10));
    }

    private DeployResult deploy(List<Payload> rules, int attempts) {
        Deployer d = deployer(attempts);
        return d.apply(d.plan(rules), Progress.none());
    }

    private void assertExactly(List<Payload> rules) {
        List<String> ids = kibana.rules("default").stream().map(r -> r.path("rule_id").asText()).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicated rule_ids");
        assertEquals(rules.stream().map(Payload::ruleId).collect(Collectors.toSet()), Set.copyOf(ids));
    }

    @Test
    void honoursRetryAfterOn429AndSucceeds() {
        kibana.inject("POST", IMPORT, Fault.tooManyRequests(3), 2);
        DeployResult r = deploy(SyntheticRules.payloads(10), 5);
        assertTrue(r.ok(), () -> r.failures().toString());
        assertEquals(2, r.retries());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), sleeps);
        assertExactly(SyntheticRules.payloads(10));
    }

    @Test
    void backsOffExponentiallyWithJitterOn503() {
        kibana.inject("POST", IMPORT, Fault.status(503), 3);
        assertTrue(deploy(SyntheticRules.payloads(3), 5).ok());
        // base 100 ms doubling, times the jitter factor 0.5
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
    }

    @Test
    void aServerErrorIsNotRetriedAndFailsItsRulesWithTheMessage() {
        kibana.inject("POST", IMPORT, Fault.status(500), 1);
        List<Payload> rules = SyntheticRules.payloads(15);
        DeployResult r = deploy(rules, 5);
        assertEquals(15, r.failures().size(), "the failed batch and the batch after it");
        assertEquals("rules/synthetic/rule-0.toml:1:1: error: create of rule [00000000-0000-4000-8000-000000000000] "
                + "failed: not applied: POST /api/detection_engine/rules/_import: Kibana answered 500: stand-in: injected 500",
                r.failures().get(0).format());
        assertEquals(0, r.retries());
        assertTrue(deploy(rules, 5).ok());
        assertExactly(rules);
    }

    @Test
    void retriesAfterAReadTimeout() {
        kibana.inject("POST", IMPORT, new Fault.Delay(Duration.ofMillis(1500)), 1);
        List<Payload> rules = SyntheticRules.payloads(5);
        DeployResult r = deploy(rules, 3);
        assertTrue(r.ok(), () -> r.failures().toString());
        assertEquals(1, r.retries());
        assertExactly(rules);
    }

    @Test
    void aConnectionResetInTheMiddleOfABatchIsRetriedWithoutDuplicates() {
        kibana.inject("POST", IMPORT, new Fault.ResetMidBatch(), 1);
        List<Payload> rules = SyntheticRules.payloads(25);
        DeployResult r = deploy(rules, 3);
        assertTrue(r.ok(), () -> r.failures().toString());
        assertEquals(1, r.retries());
        assertExactly(rules);
    }

    @Test
    void aRunKilledHalfWayThenRunAgainEndsWithExactlyTheSource() {
        List<Payload> rules = SyntheticRules.payloads(40);
        // the second batch loses its connection half-way and no retry is allowed: the run stops there
        Deployer once = deployer(1);
        Plan plan = once.plan(rules);
        kibana.inject("POST", IMPORT, new Fault.Delay(Duration.ZERO), 1);
        kibana.inject("POST", IMPORT, new Fault.ResetMidBatch(), 1);
        DeployResult first = once.apply(plan, Progress.none());
        assertEquals(30, first.failures().size());
        assertTrue(first.failures().get(0).message().startsWith("not applied: POST /api/detection_engine/rules/_import failed "
                + "after 1 attempts: connection failed"), first.failures().get(0).message());
        assertEquals(15, kibana.rules("default").size());

        Plan again = deployer(3).plan(rules);
        assertEquals(25, again.counts().get(Action.CREATE));
        assertEquals(15, again.counts().get(Action.UNCHANGED));
        assertTrue(deployer(3).apply(again, Progress.none()).ok());
        assertExactly(rules);
        assertFalse(deployer(3).plan(rules).hasChanges());
    }

    @Test
    void retriesConnectionErrorsOnReadsToo() {
        kibana.inject("GET", "/api/detection_engine/rules/_find", new Fault.Reset(), 2);
        assertTrue(deploy(SyntheticRules.payloads(3), 4).ok());
        // Java's HTTP client itself retries an idempotent GET once after a reset; rulec's policy retries the rest.
        assertEquals(2, kibana.calls().stream().filter(c -> c.status() == 0).count());
        assertFalse(sleeps.isEmpty());
    }

    @Test
    void giveUpAfterTheLastAttemptWithTheReason() {
        kibana.inject("GET", "/api/status", Fault.status(503), 3);
        KibanaException e = assertThrows(KibanaException.class, () -> deployer(3).plan(SyntheticRules.payloads(1)));
        assertEquals(KibanaException.Kind.SERVER, e.kind());
        assertEquals("GET /api/status failed after 3 attempts: HTTP 503", e.getMessage());
    }

    @Test
    void aConnectionRefusedIsATransportError() {
        KibanaConfig dead = KibanaConfig.of(java.net.URI.create("http://127.0.0.1:9"), new KibanaAuth.None())
                .withRetry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0));
        KibanaException e = assertThrows(KibanaException.class,
                () -> new Deployer(KibanaClient.connect(dead, sleeps::add), DeployOptions.defaults()).plan(List.of()));
        assertEquals(KibanaException.Kind.TRANSPORT, e.kind());
        assertTrue(e.getMessage().startsWith("GET /api/status failed after 2 attempts: cannot connect"), e.getMessage());
    }

    @Test
    void pruneDeletesConvergeWhenTheAnswerIsLost() {
        List<Payload> rules = SyntheticRules.payloads(6);
        assertTrue(deploy(rules, 3).ok());
        Deployer d = new Deployer(KibanaClient.connect(config(3), sleeps::add), DeployOptions.defaults().withPrune(true));
        Plan plan = d.plan(rules.subList(0, 2));
        kibana.inject("POST", "/api/detection_engine/rules/_bulk_action", new Fault.Delay(Duration.ofMillis(1500)), 1);
        DeployResult r = d.apply(plan, Progress.none());
        assertTrue(r.ok(), () -> r.failures().toString());
        assertExactly(rules.subList(0, 2));
    }
}
