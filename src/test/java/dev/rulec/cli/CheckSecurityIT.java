package dev.rulec.cli;

import dev.rulec.testsupport.es.EsSettings;
import dev.rulec.testsupport.es.LocalElasticsearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rulec check} and {@code rulec test --es} against a node with security on (one start for the class): 401 for
 * missing or wrong credentials (user and API key), 403 for users without a privilege a command needs, each a one-line
 * error naming the privilege or the action refused, exit code 3, no stack trace, and no secret in any output. The
 * users come from the file realm: the test node cannot store native users or API keys (its .security index needs a
 * module it lacks), so a 403 for an API key is not exercised here; Elasticsearch words it the same way.
 */
class CheckSecurityIT {
    private static final String PASSWORD = "rulec-check-pw-7731";
    private static final String NOREAD_PASSWORD = "noread-secret-4410";
    private static final String NOMETA_PASSWORD = "nometa-secret-2291";
    private static final String READER_PASSWORD = "reader-secret-6618";
    private static final String NODELETE_PASSWORD = "nodelete-secret-3307";
    private static LocalElasticsearch es;
    /** Well-formed (base64 of id:key) but unknown to the cluster. */
    private static final String UNKNOWN_KEY = "cnVsZWMtaWQ6cnVsZWMtbm90LWEtcmVhbC1rZXktOTkyMQ==";

    @TempDir
    static Path tmp;
    private static Path rule;
    private static Path fixture;

    @BeforeAll
    static void start() throws IOException {
        Optional<EsSettings> settings = EsSettings.fromSystem();
        Assumptions.assumeTrue(settings.isPresent(), "skipped: run with `mvn verify` (needs the Elasticsearch artifacts)");
        // The test node cannot store native users or API keys (its .security index needs a module it lacks): the user
        // without privileges on the rule's index comes from the file realm.
        es = LocalElasticsearch.start(settings.get().withPassword(PASSWORD)
                .withFileUser(user("rulec-noread", NOREAD_PASSWORD, "other-*", "read"))
                .withFileUser(user("rulec-nometa", NOMETA_PASSWORD, "rulec-sec-*", "read"))
                .withFileUser(user("rulec-reader", READER_PASSWORD, "rulec-sec-*", "read', 'view_index_metadata"))
                .withFileUser(user("rulec-nodelete", NODELETE_PASSWORD, "rulec-sec-*",
                        "read', 'view_index_metadata', 'create_index', 'write")));
        es.node().put("/rulec-sec-logs", "{\"mappings\":{\"properties\":{\"event\":{\"properties\":{\"action\":"
                + "{\"type\":\"keyword\"}}}}}}");
        rule = tmp.resolve("r.toml");
        Files.writeString(rule, CheckRules.rule("query", "kuery", "index = [\"rulec-sec-*\"]", "event.action: x"));
        fixture = tmp.resolve("r.yml");
        Files.writeString(fixture, "rule: 11111111-2222-4333-8444-555555555555\nevents:\n"
                + "  - event: {\"@timestamp\": \"now-1m\", \"event.action\": \"y\"}\nalerts: []\n");
    }

    private static EsSettings.FileUser user(String name, String password, String indices, String privileges) {
        return new EsSettings.FileUser(name, password, "indices:\n  - names: ['" + indices + "']\n    privileges: ['"
                + privileges + "']");
    }

    @AfterAll
    static void stop() {
        if (es != null) {
            es.close();
        }
    }

    private static CommandRun check(Map<String, String> env) {
        return CommandRun.withEnv(env, "check", "--es", es.node().url().toString(), rule.toString());
    }

    private static CommandRun test(Map<String, String> env) {
        return CommandRun.withEnv(env, "test", "--es", es.node().url().toString(), rule.toString(), fixture.toString());
    }

    /** One line on stderr, no stack trace, no secret. */
    private static void assertOneLineError(CommandRun r, String expected) {
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of(expected), r.err().lines().toList(), r.toString());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.toString());
        assertNoSecret(r);
    }

    private static void assertNoSecret(CommandRun r) {
        for (String secret : new String[] {PASSWORD, NOREAD_PASSWORD, NOMETA_PASSWORD, READER_PASSWORD,
                NODELETE_PASSWORD, UNKNOWN_KEY}) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), "a secret was printed:\n" + r);
        }
    }

    @Test
    void theBootstrapPasswordAloneIsUserElastic() {
        CommandRun r = check(Map.of("RULEC_ES_PASSWORD", PASSWORD));
        assertEquals(0, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void missingCredentialsAreA401SayingWhatToSet() {
        CommandRun r = check(Map.of());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Elasticsearch answered 401 Unauthorized: credentials are missing or wrong (set "
                + "RULEC_ES_API_KEY, or RULEC_ES_USERNAME and RULEC_ES_PASSWORD)"), r.toString());
    }

    @Test
    void aWrongPasswordIsA401AndIsNeverPrinted() {
        CommandRun r = check(Map.of("RULEC_ES_USERNAME", "elastic", "RULEC_ES_PASSWORD", NOREAD_PASSWORD));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("401 Unauthorized"), r.toString());
        assertNoSecret(r);
    }

    @Test
    void aUserWithoutPrivilegesOnTheIndexIsForbidden() {
        CommandRun r = check(Map.of("RULEC_ES_USERNAME", "rulec-noread", "RULEC_ES_PASSWORD", NOREAD_PASSWORD));
        assertOneLineError(r, "rulec: user [rulec-noread] lacks the index privileges [read, view_index_metadata] on "
                + "[rulec-sec-*] (grant read and view_index_metadata on the rules' indices; without them Elasticsearch "
                + "hides those indices and every rule would look like it matches no data)");
    }

    @Test
    void checkNamesTheOnePrivilegeAUserLacks() {
        CommandRun r = check(Map.of("RULEC_ES_USERNAME", "rulec-nometa", "RULEC_ES_PASSWORD", NOMETA_PASSWORD));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("rulec: user [rulec-nometa] lacks the index privileges [view_index_metadata] on "
                + "[rulec-sec-*] ("), r.toString());
        assertNoSecret(r);
    }

    @Test
    void checkNeedsOnlyReadAndViewIndexMetadata() {
        CommandRun r = check(Map.of("RULEC_ES_USERNAME", "rulec-reader", "RULEC_ES_PASSWORD", READER_PASSWORD));
        assertEquals(0, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void testOnTheNodeWithoutCreateIndexNamesTheActionAndPrivileges() {
        assertTestRefused("rulec-reader", READER_PASSWORD, "PUT", "indices:admin/create", "create_index");
    }

    @Test
    void testOnTheNodeWithoutDeleteIndexNamesTheIndexLeftBehind() {
        assertTestRefused("rulec-nodelete", NODELETE_PASSWORD, "DELETE", "indices:admin/delete", "delete_index");
    }

    /** {@code rulec test --es} as this user stops at the call on its temporary index that the node refuses. */
    private static void assertTestRefused(String user, String password, String method, String action, String privilege) {
        CommandRun r = test(Map.of("RULEC_ES_USERNAME", user, "RULEC_ES_PASSWORD", password));
        String url = es.node().url().toString().replaceAll("/$", "");
        assertEquals(1, r.err().lines().count(), r.toString());
        String index = r.err().replaceAll("(?s).*" + method + " /(rulec-sec-rulectest-[0-9a-f]+) .*", "$1");
        es.node().deleteIndex(index);
        assertOneLineError(r, "rulec: " + method + " /" + index + " at " + url + ": Elasticsearch answered 403 "
                + "Forbidden: user [" + user + "] may not run [" + action + "] on [" + index + "] (grant one of the "
                + "index privileges [" + privilege + ", manage, all] on [" + index + "])");
    }

    @Test
    void testOnTheNodeWithAWrongPasswordIsA401() {
        CommandRun r = test(Map.of("RULEC_ES_USERNAME", "rulec-reader", "RULEC_ES_PASSWORD", NOREAD_PASSWORD));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Elasticsearch answered 401 Unauthorized: credentials are missing or wrong (set "
                + "RULEC_ES_API_KEY, or RULEC_ES_USERNAME and RULEC_ES_PASSWORD)"), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void testOnTheNodeAsElasticRuns() {
        CommandRun r = test(Map.of("RULEC_ES_PASSWORD", PASSWORD));
        assertEquals(0, r.exitCode(), r.toString());
        assertNoSecret(r);
    }

    @Test
    void anUnknownApiKeyFromAFileIsA401AndIsNeverPrinted() throws IOException {
        Path keyFile = tmp.resolve("key");
        Files.writeString(keyFile, UNKNOWN_KEY + "\n");
        CommandRun r = check(Map.of("RULEC_ES_API_KEY_FILE", keyFile.toString()));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("401 Unauthorized"), r.toString());
        assertNoSecret(r);
    }
}
