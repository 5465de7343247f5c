package dev.rulec.kibana;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlCorpusTest;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.testsupport.KibanaApiSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every payload built from the corpus is a valid create-rule request by Kibana's published OpenAPI schema. */
class PayloadSchemaTest {

    @Test
    void everyCorpusPayloadIsValidAgainstKibanasSchema() throws IOException {
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (Path f : TomlCorpusTest.corpus()) {
            LoadedRule r = TomlRuleReader.read(f, new Diagnostics()).orElseThrow();
            List<String> problems = KibanaApiSchema.createRuleProblems(Json.compact(PayloadBuilder.build(r.rule())));
            checked++;
            if (!problems.isEmpty()) {
                invalid.add(f.getFileName() + ": " + problems);
            }
        }
        assertEquals(List.of(), invalid.subList(0, Math.min(10, invalid.size())),
                invalid.size() + " of " + checked + " payloads are invalid");
    }

    @Test
    void theValidatorRejectsABrokenPayload() {
        // Guards against a validator that accepts anything: risk_score out of range and an unknown type.
        assertFalse(KibanaApiSchema.createRuleProblems(
                "{\"name\":\"x\",\"description\":\"d\",\"risk_score\":101,\"severity\":\"low\",\"type\":\"query\","
                        + "\"query\":\"a:b\",\"language\":\"kuery\"}").isEmpty());
        assertFalse(KibanaApiSchema.createRuleProblems(
                "{\"name\":\"x\",\"description\":\"d\",\"risk_score\":1,\"severity\":\"informational\","
                        + "\"type\":\"query\"}").isEmpty());
        assertFalse(KibanaApiSchema.createRuleProblems(
                "{\"name\":\"x\",\"description\":\"d\",\"risk_score\":1,\"severity\":\"low\",\"type\":\"esql\","
                        + "\"language\":\"esql\"}").isEmpty());
        assertFalse(KibanaApiSchema.createRuleProblems(
                "{\"name\":\"x\",\"description\":\"d\",\"risk_score\":1,\"severity\":\"low\",\"type\":\"query\","
                        + "\"query\":\"a:b\",\"language\":\"kuery\",\"unknown_field\":1}").isEmpty());
    }
}
