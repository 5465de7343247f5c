package dev.rulec.deploy;

import dev.rulec.kibana.KibanaAuth;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaConfig;
import dev.rulec.kibana.KibanaException;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth, space and version failures give clear messages; no secret ever appears in anything rulec prints. */
class DeployAuthTest {
    private static final String KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
    private static final String READER_KEY = "cmVhZGVyOnJlYWRlci1vbmx5LXNlY3JldC12YWx1ZQ==";
    private static final String NO_RULES_KEY = "bm9ydWxlczpuby1ydWxlcy1wcml2aWxlZ2Utc2VjcmV0";
    private StandInKibana kibana;

    @BeforeEach
    void start() {
        kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"))
                .requireAuthorization("ApiKey " + KEY).readOnly("ApiKey " + READER_KEY)
                .noRulesPrivilege("ApiKey " + NO_RULES_KEY);
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), kibana.violations(), "schema violations");
        kibana.close();
    }

    private Deployer deployer(String key) {
        KibanaAuth auth = KibanaAuth.fromEnvironment(Map.of("RULEC_KIBANA_API_KEY", key));
        return new Deployer(KibanaClient.connect(KibanaConfig.of(kibana.url(), auth)), DeployOptions.defaults());
    }

    @Test
    void deploysWithAnApiKey() {
        Deployer d = deployer(KEY);
        assertTrue(d.apply(d.plan(SyntheticRules.payloads(3)), Progress.none()).ok());
        assertEquals(3, kibana.rules("default").size());
    }

    @Test
    void aWrongKeyIsA401WithWhatToSet() {
        KibanaException e = assertThrows(KibanaException.class, () -> deployer("d3Jvbmcta2V5").plan(List.of()));
        assertEquals(KibanaException.Kind.UNAUTHORIZED, e.kind());
        assertEquals("GET /api/status: Kibana answered 401 Unauthorized: credentials are missing or wrong (set "
                + "RULEC_KIBANA_API_KEY, or RULEC_KIBANA_USERNAME and RULEC_KIBANA_PASSWORD): [security_exception]: "
                + "missing authentication credentials for REST request", e.getMessage());
    }

    @Test
    void aKeyWithoutWritePrivilegeFailsEachRuleWith403() {
        Deployer d = deployer(READER_KEY);
        DeployResult r = d.apply(d.plan(SyntheticRules.payloads(2)), Progress.none());
        assertEquals(2, r.failures().size());
        assertTrue(r.failures().get(0).message().startsWith("not applied: POST /api/detection_engine/rules/_import: "
                + "Kibana answered 403 Forbidden: the user lacks a privilege in the default space"), r.failures().get(0).message());
    }

    @Test
    void aKeyWithoutRulesPrivilegeIsA403NamingThePrivilegeBeforeAnyWrite() {
        KibanaException e = assertThrows(KibanaException.class, () -> deployer(NO_RULES_KEY).plan(SyntheticRules.payloads(2)));
        assertEquals(KibanaException.Kind.FORBIDDEN, e.kind());
        assertEquals("GET /api/detection_engine/rules/_find: Kibana answered 403 Forbidden: the user lacks a privilege "
                + "in the default space (deploying needs the Security feature 'Rules and Exceptions' with All): API [GET "
                + "/api/detection_engine/rules/_find] is unauthorized for user, this action is granted by the Kibana "
                + "privileges [securitySolution-rules-read]", e.getMessage());
        assertEquals(0, kibana.writeCalls());
        assertFalse(e.getMessage().contains(NO_RULES_KEY));
    }

    @Test
    void anUnknownSpaceIsA404NamingTheSpace() {
        KibanaAuth auth = new KibanaAuth.ApiKey(KEY);
        Deployer d = new Deployer(KibanaClient.connect(KibanaConfig.of(kibana.url(), auth).withSpace("nope")),
                DeployOptions.defaults());
        KibanaException e = assertThrows(KibanaException.class, () -> d.plan(List.of()));
        assertEquals(KibanaException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().startsWith("GET /api/status: Kibana answered 404 Not Found: space [nope] does not exist"),
                e.getMessage());
    }

    @Test
    void aKibanaOlderThan8IsAVersionMismatch() {
        kibana.version("7.17.3");
        KibanaException e = assertThrows(KibanaException.class, () -> deployer(KEY).plan(List.of()));
        assertEquals(KibanaException.Kind.VERSION_MISMATCH, e.kind());
        assertEquals("Kibana 7.17.3 is too old: rulec deploys to Kibana 8.0.0 or later", e.getMessage());
    }

    @Test
    void anElasticsearchUrlInsteadOfKibanasSaysSo() throws Exception {
        com.sun.net.httpserver.HttpServer es = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        es.createContext("/", ex -> {
            byte[] b = "{\"error\":\"no handler found for uri [/api/status] and method [GET]\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
            ex.sendResponseHeaders(400, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        es.start();
        try {
            java.net.URI url = java.net.URI.create("http://127.0.0.1:" + es.getAddress().getPort());
            KibanaException e = assertThrows(KibanaException.class, () -> new Deployer(KibanaClient.connect(
                    KibanaConfig.of(url, new KibanaAuth.None())), DeployOptions.defaults()).plan(List.of()));
            assertEquals(KibanaException.Kind.CONFIG, e.kind());
            assertEquals("GET /api/status: " + url + " is Elasticsearch, not Kibana; pass Kibana's URL (port 5601 by "
                    + "default)", e.getMessage());
        } finally {
            es.stop(0);
        }
    }

    @Test
    void noSecretAppearsInAnyOutput() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder everything = new StringBuilder();
        try (PrintStream cap = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(cap);
            System.setErr(cap);
            Deployer good = deployer(KEY);
            Plan plan = good.plan(SyntheticRules.payloads(4));
            everything.append(PlanReport.table(plan)).append(PlanReport.json(plan));
            everything.append(PlanReport.summary(good.apply(plan, Progress.none())));
            for (String key : List.of("d3Jvbmcta2V5", READER_KEY)) {
                try {
                    Deployer d = deployer(key);
                    Plan p = d.plan(SyntheticRules.payloads(6));
                    everything.append(PlanReport.table(p)).append(PlanReport.summary(d.apply(p, Progress.none())));
                } catch (KibanaException e) {
                    everything.append(e.getMessage()).append(e);
                }
            }
            everything.append(KibanaAuth.fromEnvironment(Map.of("RULEC_KIBANA_API_KEY", KEY)));
            everything.append(KibanaAuth.fromEnvironment(Map.of("RULEC_KIBANA_USERNAME", "u", "RULEC_KIBANA_PASSWORD", KEY)));
            everything.append(KibanaConfig.of(kibana.url(), new KibanaAuth.ApiKey(KEY)));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String all = everything + captured.toString(StandardCharsets.UTF_8);
        assertTrue(all.contains("403"), "the failures were exercised");
        for (String secret : List.of(KEY, READER_KEY, "d3Jvbmcta2V5")) {
            assertFalse(all.contains(secret), "a secret was printed");
        }
    }
}
