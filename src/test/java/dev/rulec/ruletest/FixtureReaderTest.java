package dev.rulec.ruletest;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixtureReaderTest {

    @TempDir
    Path dir;

    private List<String> errors(String yaml) throws IOException {
        Path p = dir.resolve("f.yml");
        Files.writeString(p, yaml);
        Diagnostics d = new Diagnostics();
        FixtureReader.read(p, d);
        return d.all().stream().map(Diagnostic::format).toList();
    }

    @Test
    void readsEventsRepeatsNdjsonAndExpectations() throws IOException {
        Files.writeString(dir.resolve("more.ndjson"), "{\"a\":1}\n\n{\"a\":2}\n");
        Path p = dir.resolve("f.yml");
        Files.writeString(p, "rule: r1\nnow: 2026-01-31T12:00:00Z\nrule_window: {from: now-1h, to: now}\n"
                + "events:\n  - {alert: true, repeat: 3, event: {a: 0}}\n  - {ndjson: more.ndjson}\n"
                + "alerts:\n  - {group: {a: 1}, values: {n: 2}}\n");
        Diagnostics d = new Diagnostics();
        Fixture f = FixtureReader.read(p, d).orElseThrow();
        assertTrue(d.isEmpty(), d.all()::toString);
        assertEquals(5, f.events().size());
        assertEquals(1, f.alerts().orElseThrow().size());
        assertTrue(FixtureReader.isFixture(p));
    }

    @Test
    void problemsPointAtTheirLineAndColumn() throws IOException {
        List<String> e = errors("rule: r\nevents:\n  - {alert: maybe, event: {a: 1}}\n  - {event: [1]}\nextra: 1\n");
        assertEquals(3, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("f.yml:5:8: error: unknown key `extra`") || e.stream()
                .anyMatch(s -> s.contains(":5:8: error: unknown key `extra`")), e::toString);
        assertTrue(e.stream().anyMatch(s -> s.contains(":3:13: error: `alert` must be true or false")), e::toString);
        assertTrue(e.stream().anyMatch(s -> s.contains(":4:13: error: `event` must be a JSON object")), e::toString);
    }

    @Test
    void yamlSyntaxErrorsHaveAPosition() throws IOException {
        List<String> e = errors("rule: r\nevents: [\n");
        assertEquals(1, e.size());
        assertTrue(e.get(0).contains("error: not valid YAML"), e::toString);
    }

    @Test
    void relativeTimesResolveAgainstNow() {
        Instant now = Instant.parse("2026-01-31T12:34:56Z");
        assertEquals(Instant.parse("2026-01-31T09:34:56Z"), TimeMath.resolve("now-3h", now).orElseThrow());
        assertEquals(Instant.parse("2026-01-30T00:00:00Z"), TimeMath.resolve("now-1d/d", now).orElseThrow());
        assertEquals("2026-01-31T12:29:56.000Z", new TimeResolver(now)
                .resolve(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode("now-5m")).textValue());
        assertTrue(TimeMath.resolve("nowish", now).isEmpty());
    }
}
