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
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rulec check} against a node with security on (one start for the class): 401 for missing or wrong
 * credentials (user and API key), 403 for a user without privileges on the rule's index, and no secret in any output.
 */
class CheckSecurityIT {
    private static final String PASSWORD = "rulec-check-pw-7731";
    private static final String NOREAD_PASSWORD = "noread-secret-4410";
    private static LocalElasticsearch es;
    /** Well-formed (base64 of id:key) but unknown to the cluster. */
    private static final String UNKNOWN_KEY = "cnVsZWMtaWQ6cnVsZWMtbm90LWEtcmVhbC1rZXktOTkyMQ==";

    @TempDir
    static Path tmp;
    private static Path rule;

    @BeforeAll
    static void start() throws IOException {
        Optional<EsSettings> settings = EsSettings.fromSystem();
        Assumptions.assumeTrue(settings.isPresent(), "skipped: run with `mvn verify` (needs the Elasticsearch artifacts)");
        // The test node cannot store native users or API keys (its .security index needs a module it lacks): the user
        // without privileges on the rule's index comes from the file realm.
        es = LocalElasticsearch.start(settings.get().withPassword(PASSWORD).withFileUser(new EsSettings.FileUser(
                "rulec-noread", NOREAD_PASSWORD, "indices:\n  - names: ['other-*']\n    privileges: ['read']")));
        es.node().put("/rulec-sec-logs", "{\"mappings\":{\"properties\":{\"event\":{\"properties\":{\"action\":"
                + "{\"type\":\"keyword\"}}}}}}");
        rule = tmp.resolve("r.toml");
        Files.writeString(rule, CheckRules.rule("query", "kuery", "index = [\"rulec-sec-*\"]", "event.action: x"));
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

    private static void assertNoSecret(CommandRun r) {
        for (String secret : new String[] {PASSWORD, NOREAD_PASSWORD, UNKNOWN_KEY}) {
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
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("rulec: user [rulec-noread] lacks the read or view_index_metadata privilege on "
                + "[rulec-sec-*]"), r.toString());
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
