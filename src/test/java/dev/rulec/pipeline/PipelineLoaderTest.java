package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User-written pipeline files: what they say, and positioned errors for what is wrong in them. */
class PipelineLoaderTest {

    private static final String USER = """
            name: my-proxy
            logsource:
              category: proxy
              product: squid
            indices: [logs-squid-*]
            conditions:
              event.module: squid
            unmapped: warning
            fields:
              c-uri: url.original
              c-ip: [source.ip, client.ip]
            prefixes:
              extra.: squid.extra.
            placeholders:
              admins: [root]
            """;

    @Test
    void readsEveryKey() {
        Diagnostics d = new Diagnostics();
        Pipeline p = PipelineLoader.parse(USER, "p.yml", d).get(0);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals("my-proxy", p.name());
        assertEquals(List.of("logs-squid-*"), p.indices());
        assertEquals(Optional.of(new Expr.Match("event.module", Literal.string("squid"), CaseMode.SENSITIVE)),
                p.conditionExpr());
        FieldMapping m = p.fieldMapping();
        SourcePos pos = SourcePos.startOf("r.yml");
        assertEquals(List.of(new FieldMapping.MappedField("source.ip", false),
                new FieldMapping.MappedField("client.ip", false)), m.map("c-ip", pos, d));
        assertEquals(List.of(new FieldMapping.MappedField("squid.extra.a.b", false)), m.map("extra.a.b", pos, d));
        assertEquals(Map.of("admins", List.of("root")), p.placeholders());
    }

    @Test
    void unmappedFieldWithWarningIsKeptAndReported() {
        Diagnostics d = new Diagnostics();
        Pipeline p = PipelineLoader.parse(USER, "p.yml", d).get(0);
        assertEquals(List.of(new FieldMapping.MappedField("other", false)),
                p.fieldMapping().map("other", SourcePos.startOf("r.yml"), d));
        assertEquals("r.yml:1:1: warning: field [other] has no mapping in pipeline [my-proxy]; kept as written"
                + " (add it to the pipeline's fields) [pipeline.unmapped-field]", d.all().get(0).format());
    }

    @Test
    void choosesTheMostSpecificPipelineAndLaterOnesWinTies() {
        Diagnostics d = new Diagnostics();
        PipelineSet set = PipelineSet.builtIns().plus(PipelineSet.of(PipelineLoader.parse(USER, "p.yml", d)));
        assertEquals("my-proxy", set.select(Map.of("category", "proxy", "product", "squid")).orElseThrow().name());
        assertEquals("proxy", set.select(Map.of("category", "proxy")).orElseThrow().name());
        assertEquals("generic", set.select(Map.of("product", "nothing-known")).orElseThrow().name());
    }

    @Test
    void unknownKeyIsAPositionedError() {
        Diagnostics d = new Diagnostics();
        assertTrue(PipelineLoader.parse("name: x\nfeilds: {}\n", "p.yml", d).isEmpty());
        assertEquals("p.yml:2:1: error: unknown pipeline key [feilds]; known: alternative_to, conditions,"
                + " description, fallback, fields, indices, logsource, name, placeholders, prefixes, types, unmapped,"
                + " unrecorded [pipeline.invalid]", d.all().get(0).format());
    }

    @Test
    void readsJoinedFieldsWarningsUnrecordedReasonsAndAlternatives() {
        Diagnostics d = new Diagnostics();
        Pipeline p = PipelineLoader.parse("""
                name: my-sysmon
                alternative_to: my-edr
                fields:
                  User: {joined: [user.domain, user.name], separator: '\\'}
                  CommandLine: {to: process.command_line, warn: the sensor may leave it empty}
                unrecorded:
                  ParentImage: the sensor keeps no parent
                """, "p.yml", d).get(0);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals(Optional.of("my-edr"), p.alternativeTo());
        SourcePos pos = SourcePos.startOf("r.yml");
        assertEquals(List.of(FieldMapping.MappedField.joined(new JoinedField("user.domain", "user.name", "\\"))),
                p.fieldMapping().map("User", pos, d));
        assertEquals(Optional.of("the sensor may leave it empty"),
                p.fieldMapping().map("CommandLine", pos, d).get(0).warn());
        assertEquals(List.of(), p.fieldMapping().map("ParentImage", pos, d));
        assertEquals(Optional.of("the sensor keeps no parent"), p.fieldMapping().unrecorded("ParentImage"));
    }

    @Test
    void unknownFieldEntryKeyIsAPositionedError() {
        Diagnostics d = new Diagnostics();
        assertTrue(PipelineLoader.parse("name: x\nfields:\n  A: {to: b, wran: c}\n", "p.yml", d).isEmpty());
        assertEquals("p.yml:3:14: error: unknown field entry key [wran]; known: joined, keyed, separator,"
                + " substring_only, to, values, warn [pipeline.invalid]", d.all().get(0).format());
    }

    @Test
    void badUnmappedValueIsAPositionedError() {
        Diagnostics d = new Diagnostics();
        PipelineLoader.parse("name: x\nunmapped: ignore\n", "p.yml", d);
        assertEquals("p.yml:2:11: error: unmapped must be error or warning, not [ignore] [pipeline.invalid]",
                d.all().get(0).format());
    }
}
