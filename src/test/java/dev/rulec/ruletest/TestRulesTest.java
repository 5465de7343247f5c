package dev.rulec.ruletest;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.Detection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestRulesTest {

    private static final String BASE = """
            title: Console login
            name: console_login
            id: 00000000-0000-4000-8000-000000000001
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection: {eventName: ConsoleLogin}
              condition: selection
            ---
            title: Role assumed
            name: role_assumed
            id: 00000000-0000-4000-8000-000000000002
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection: {eventName: AssumeRole}
              condition: selection
            ---
            """;

    @TempDir
    Path dir;

    @Test
    void sigmaCorrelationsAreTestedAsCompileWritesThemAndTheirBuildingBlocksAreNot() throws IOException {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, BASE + """
                title: Many logins
                id: 00000000-0000-4000-8000-000000000003
                correlation:
                  type: event_count
                  rules: [console_login]
                  group-by: [sourceIPAddress]
                  timespan: 10m
                  condition: {gte: 5}
                level: medium
                ---
                title: Login then role
                id: 00000000-0000-4000-8000-000000000004
                correlation:
                  type: temporal_ordered
                  rules: [console_login, role_assumed]
                  group-by: [sourceIPAddress]
                  timespan: 15m
                level: high
                """);
        Diagnostics d = new Diagnostics();
        List<TestRule> rules = TestRules.loadSigma(f, d);
        assertTrue(d.all().isEmpty(), d.all()::toString);
        assertEquals(List.of("Many logins", "Login then role"), rules.stream().map(TestRule::name).toList());
        TestRule count = rules.get(0);
        assertInstanceOf(Detection.Threshold.class, count.detection());
        assertTrue(count.ir().isPresent(), "a threshold correlation runs on the events of the rules it counts");
        assertEquals("now-10m", count.from());
        TestRule temporal = rules.get(1);
        assertInstanceOf(Detection.Esql.class, temporal.detection());
        assertTrue(temporal.ir().isEmpty());
        assertEquals(List.of("logs-aws.cloudtrail-*"), temporal.indices());
    }

    @Test
    void aCorrelationThatDoesNotCompileIsAnErrorAndTheOthersStillLoad() throws IOException {
        Path f = dir.resolve("bad.yml");
        Files.writeString(f, BASE + """
                title: Broken
                id: 00000000-0000-4000-8000-000000000005
                correlation:
                  type: event_count
                  rules: [console_login]
                  timespan: ten minutes
                  condition: {gte: 5}
                level: medium
                """);
        Diagnostics d = new Diagnostics();
        List<TestRule> rules = TestRules.loadSigma(f, d);
        assertEquals(List.of("Role assumed"), rules.stream().map(TestRule::name).toList());
        assertEquals(1, d.all().size(), d.all()::toString);
        assertTrue(d.all().get(0).message().contains("timespan [ten minutes]"), d.all()::toString);
    }
}
