package dev.rulec.schema;

import dev.rulec.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTest {

    @Test
    void ecsKnowsCoreFieldsAndMultiFields() {
        Schema ecs = Schema.ecs();
        assertEquals("date", ecs.field("@timestamp").orElseThrow().type());
        assertEquals("ip", ecs.field("source.ip").orElseThrow().type());
        assertEquals("match_only_text", ecs.field("process.command_line.text").orElseThrow().type());
        assertTrue(ecs.field("process.nosuch").isEmpty());
    }

    @Test
    void indexPatternsMatchStarsAnywhereAndIgnoreAClusterPrefix() {
        assertTrue(IndexPatterns.matches("logs-*", "logs-aws.cloudtrail-default"));
        assertTrue(IndexPatterns.matches("*cloud*trail*", "logs-aws.cloudtrail-default"));
        assertTrue(IndexPatterns.matches("remote:logs-aws.*-default", "logs-aws.cloudtrail-default"));
        assertTrue(IndexPatterns.matches("a*b*c", "abbbc"));
        assertTrue(IndexPatterns.matches("**", ""));
        assertFalse(IndexPatterns.matches("a*b*c", "abbbcd"));
        assertFalse(IndexPatterns.matches("logs-*-x", "logs-aws-default"));
        assertFalse(IndexPatterns.matches("*".repeat(90) + "!" + "*".repeat(6), "logs-aws.cloudtrail-default"));
    }

    @Test
    void cloudtrailPatternAddsIntegrationFieldsToEcs() {
        Schema s = Schema.forIndexPatterns(List.of("logs-aws.cloudtrail-*"));
        assertTrue(s.field("aws.cloudtrail.user_identity.arn").isPresent());
        assertTrue(s.field("user.name").isPresent());
        assertEquals("ECS + aws.cloudtrail", s.description());
    }

    @Test
    void defendPatternReadsOnlyWhatDefendMaps() {
        Schema s = Schema.forIndexPatterns(List.of("logs-endpoint.events.process-*"));
        assertTrue(s.field("process.Ext.api.name").isPresent() || s.field("process.parent.name").isPresent());
        assertTrue(s.field("aws.cloudtrail.user_identity.arn").isEmpty());
    }

    @Test
    void unknownPatternFallsBackToEcs() {
        Schema s = Schema.forIndexPatterns(List.of("logs-okta.system-*"));
        assertEquals("ECS", s.description());
        assertTrue(s.field("event.action").isPresent());
    }

    @Test
    void windowsEventDataChildrenAreDynamicKeywords() {
        Schema s = Schema.forIndexPatterns(List.of("logs-windows.sysmon_operational-*"));
        assertEquals("keyword", s.field("winlog.event_data.SomethingNew").orElseThrow().type());
        assertEquals("keyword", s.field("process.name.caseless").orElseThrow().type());
    }

    @Test
    void adapterAnswersFieldTypes() {
        assertEquals(Optional.of("ip"), Schema.ecs().asFieldTypes().typeOf("destination.ip"));
    }

    @Test
    void readsYamlAndTsvUserSchemas(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("s.yaml"),
                "my.field: keyword\nother: {type: text, fields: {raw: keyword}}\n");
        Diagnostics d = new Diagnostics();
        Schema s = Schema.fromFile(yaml, d).orElseThrow();
        assertEquals("keyword", s.field("other.raw").orElseThrow().type());
        Path tsv = Files.writeString(dir.resolve("s.tsv"), "# mine\na.b\tlong\nbroken\n");
        Schema t = Schema.fromFile(tsv, d).orElse(null);
        assertTrue(t == null);
        assertEquals("s.tsv:3:1", d.all().get(0).pos().toString().substring(d.all().get(0).pos().toString().lastIndexOf('/') + 1)
                .replace(dir.toString(), ""));
        assertFalse(d.all().isEmpty());
    }
}
