package dev.rulec.kibana;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Detection;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.toml.TomlCorpusTest;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.source.toml.TomlRuleWriter;
import dev.rulec.target.kql.KqlFilterMode;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.testsupport.KibanaApiSchema;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every payload built from the corpus is a valid create-rule request by Kibana's published OpenAPI schema; so is every
 * Sigma rule compiled to KQL with Query DSL filters.
 */
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
    void sigmaRulesWithQueryDslFiltersGiveValidPayloadsAndTomlThatReadsBackEqual() throws IOException {
        List<Path> files = SharedFiles.sigmaRules();
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        KqlRenderer kql = new KqlRenderer(true, KqlFilterMode.DSL);
        List<String> problems = new ArrayList<>();
        int withFilters = 0;
        for (Path f : files) {
            for (LoadedRule r : fe.compile(List.of(f), kql, new Diagnostics())) {
                if (!(r.rule().detection() instanceof Detection.Query q) || q.scope().filters().items().isEmpty()) {
                    continue;
                }
                withFilters++;
                String payload = Json.compact(PayloadBuilder.build(r.rule()));
                List<String> invalid = KibanaApiSchema.createRuleProblems(payload);
                if (!invalid.isEmpty()) {
                    problems.add(f.getFileName() + ": " + invalid);
                }
                Diagnostics back = new Diagnostics();
                String toml = TomlRuleWriter.write(r.rule());
                Optional<LoadedRule> read = TomlRuleReader.parse(toml, f.getFileName() + ".toml", back);
                if (read.isEmpty() || !read.get().rule().detection().equals(r.rule().detection())
                        || !Json.compact(PayloadBuilder.build(read.get().rule())).equals(payload)) {
                    problems.add(f.getFileName() + ": the TOML does not read back equal " + back.all());
                }
            }
        }
        System.out.println("Sigma rules with Query DSL filters: " + withFilters + " payloads checked");
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())), problems.size() + " problems");
        assertTrue(withFilters >= 90, "only " + withFilters + " rules with filters");
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
