package dev.rulec.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rulec check} before any cluster answers: settings, usage and transport failures (no server needed). */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private Path rule() throws IOException {
        Path p = tmp.resolve("r.toml");
        Files.writeString(p, CheckRules.rule("query", "kuery", "index = [\"logs-*\"]", "event.action: x"));
        return p;
    }

    @Test
    void withoutEsItIsAUsageError() throws IOException {
        CommandRun r = CommandRun.withEnv(Map.of(), "check", rule().toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Missing required option: '--es=URL'"), r.toString());
    }

    @Test
    void plainHttpToAnotherHostIsRefusedAndTheSecretNotPrinted() throws IOException {
        CommandRun r = CommandRun.withEnv(Map.of("RULEC_ES_PASSWORD", "s3cret-value-17"), "check", "--es",
                "http://es.example:9200", rule().toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("rulec: refusing plain http to es.example: credentials and queries would travel unencrypted; use "
                + "https, or --insecure to allow it\n", r.err(), r.toString());
        assertFalse(r.toString().contains("s3cret-value-17"));
    }

    @Test
    void credentialsInTheUrlAreRefused() throws IOException {
        CommandRun r = CommandRun.withEnv(Map.of(), "check", "--es", "https://elastic:pw@es.example:9200",
                rule().toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("must not carry credentials; set RULEC_ES_API_KEY, or RULEC_ES_USERNAME and "
                + "RULEC_ES_PASSWORD instead"), r.toString());
        assertFalse(r.toString().contains(":pw@"), r.toString());
    }

    @Test
    void aUserNameWithoutPasswordIsAUsageError() throws IOException {
        CommandRun r = CommandRun.withEnv(Map.of("RULEC_ES_USERNAME", "bob"), "check", "--es", "http://127.0.0.1:1",
                rule().toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("basic auth needs both RULEC_ES_USERNAME and RULEC_ES_PASSWORD"), r.toString());
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        CommandRun r = CommandRun.withEnv(Map.of(), "check", "--es", "http://127.0.0.1:1", "--format", "xml",
                rule().toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("unknown --format 'xml'"), r.toString());
    }

    @Test
    void aRefusedConnectionIsAnEnvironmentFailureNamingTheUrl() throws IOException {
        CommandRun r = CommandRun.withEnv(Map.of(), "check", "--es", "http://127.0.0.1:1", rule().toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals("rulec: GET /_security/_authenticate at http://127.0.0.1:1: cannot reach Elasticsearch: "
                + "ConnectException: Connection refused (is the URL right and the cluster up?)\n", r.err(), r.toString());
    }

    @Test
    void aMissingCaCertIsAUsageError() throws IOException {
        CommandRun r = CommandRun.withEnv(Map.of(), "check", "--es", "https://127.0.0.1:1", "--ca-cert",
                tmp.resolve("none.pem").toString(), rule().toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("cannot read --ca-cert"), r.toString());
    }
}
