package dev.rulec.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.kibana.PayloadBuilder;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed rules (captured web pages holding detection-rules TOML) compile to payloads whose type-specific fields
 * carry exactly the seed's content, checked against an independent parse of the same text (tomlj).
 */
class SeedPayloadTest {

    /** The TOML part of a captured page: from {@code [metadata]} to the end. */
    static String tomlOf(String seed) throws IOException {
        String page = Files.readString(SharedFiles.require("seeds/" + seed));
        int start = page.indexOf("\n[metadata]\n");
        assertTrue(start >= 0, "seed " + seed + " has no [metadata] table");
        return page.substring(start + 1);
    }

    static JsonNode payload(String toml, String name) {
        Diagnostics d = new Diagnostics();
        LoadedRule r = TomlRuleReader.parse(toml, name, d).orElseThrow(() -> new AssertionError(d.all()));
        assertEquals(List.of(), d.all());
        return PayloadBuilder.build(r.rule());
    }

    @Test
    void esqlSeedKeepsItsQueryExactly() throws IOException {
        String toml = tomlOf("002_aa6736ad30bbad62.txt");
        TomlParseResult independent = Toml.parse(toml);
        JsonNode p = payload(toml, "seed-002");
        assertEquals("esql", p.get("type").asText());
        assertEquals("esql", p.get("language").asText());
        assertEquals(independent.getString("rule.query"), p.get("query").asText());
        assertTrue(!p.has("index"), "ES|QL payloads carry no index");
        assertEquals(independent.getString("rule.rule_id"), p.get("rule_id").asText());
        assertEquals(independent.getLong("rule.risk_score"), p.get("risk_score").asLong());
        assertEquals(independent.getString("rule.from"), p.get("from").asText());
        assertEquals(independent.getString("rule.interval"), p.get("interval").asText());
        assertEquals(independent.getArray("rule.investigation_fields.field_names").toList(),
                List.of(p.get("investigation_fields").get("field_names").get(0).asText(),
                        p.get("investigation_fields").get("field_names").get(1).asText(),
                        p.get("investigation_fields").get("field_names").get(2).asText()));
        assertEquals("T1078.004", p.get("threat").get(0).get("technique").get(0).get("subtechnique").get(0)
                .get("id").asText());
    }

    @Test
    void newTermsSeedKeepsItsFieldsAndHistoryWindow() throws IOException {
        String toml = tomlOf("004_203a3b5ca67b568e.txt");
        TomlParseResult independent = Toml.parse(toml);
        JsonNode p = payload(toml, "seed-004");
        assertEquals("new_terms", p.get("type").asText());
        assertEquals("kuery", p.get("language").asText());
        assertEquals(independent.getString("rule.query"), p.get("query").asText());
        assertEquals(independent.getArray("rule.new_terms.value").toList(),
                List.of(p.get("new_terms_fields").get(0).asText()));
        assertEquals(1, p.get("new_terms_fields").size());
        assertEquals(independent.getArray("rule.new_terms.history_window_start").getTable(0).getString("value"),
                p.get("history_window_start").asText());
        assertEquals(independent.getArray("rule.index").toList(),
                List.of(p.get("index").get(0).asText(), p.get("index").get(1).asText()));
        assertEquals("TA0007", p.get("threat").get(0).get("tactic").get("id").asText());
    }
}
