package dev.rulec.cli;

import dev.rulec.kibana.standin.Fault;
import dev.rulec.kibana.standin.StandInKibana;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code rulec deploy}, {@code diff} and {@code export} when Kibana refuses a privilege or answers off-schema: one line
 * on stderr, exit code 3, no stack trace, no secret.
 */
class KibanaCommandsRefusalTest {
    private static final String NO_RULES_KEY = "bm9ydWxlczpuby1ydWxlcy1wcml2aWxlZ2Utc2VjcmV0";
    private static final String KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
    private static final String FIND = "/api/detection_engine/rules/_find";
    private StandInKibana kibana;
    @TempDir
    Path dir;
    private Path rule;

    @BeforeEach
    void start() throws IOException {
        kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"))
                .requireAuthorization("ApiKey " + KEY).noRulesPrivilege("ApiKey " + NO_RULES_KEY);
        rule = dir.resolve("r.toml");
        Files.writeString(rule, CheckRules.rule("query", "kuery", "index = [\"logs-*\"]", "event.action: x"));
    }

    @AfterEach
    void stop() {
        kibana.close();
    }

    private CommandRun run(String key, String... args) {
        return CommandRun.withEnv(Map.of("RULEC_KIBANA_API_KEY", key), args);
    }

    private static void assertOneLine(CommandRun r, String expected) {
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of(expected), r.err().lines().toList(), r.toString());
        assertFalse(r.out().contains(KEY) || r.out().contains(NO_RULES_KEY) || r.err().contains(NO_RULES_KEY), r.toString());
    }

    @Test
    void aKeyWithoutTheRulesPrivilegeIsOneLineNamingIt() {
        String line = "rulec: GET " + FIND + ": Kibana answered 403 Forbidden: the user lacks a privilege in the default "
                + "space (deploying needs the Security feature 'Rules and Exceptions' with All): API [GET " + FIND + "] is "
                + "unauthorized for user, this action is granted by the Kibana privileges [securitySolution-rules-read]";
        assertOneLine(run(NO_RULES_KEY, "diff", "--kibana", kibana.url().toString(), rule.toString()), line);
        assertOneLine(run(NO_RULES_KEY, "deploy", "--kibana", kibana.url().toString(), rule.toString()), line);
        assertOneLine(run(NO_RULES_KEY, "export", "--kibana", kibana.url().toString(), "--out",
                dir.resolve("out").toString()), line);
        assertEquals(0, kibana.writeCalls());
    }

    @Test
    void anOffSchemaAnswerIsOneLineNamingTheMember() {
        kibana.inject("GET", FIND, new Fault.Reshape(page -> page.put("total", "many")), 1);
        assertOneLine(run(KEY, "diff", "--kibana", kibana.url().toString(), rule.toString()), "rulec: GET " + FIND
                + ": Kibana's answer does not have the shape its API documents: total is not a whole number (is the URL "
                + "Kibana's, not a proxy's, and Kibana 8.0 or later?)");
    }
}
