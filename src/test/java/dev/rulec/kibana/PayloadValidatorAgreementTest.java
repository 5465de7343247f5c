package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.source.toml.TomlCorpusTest;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.testsupport.KibanaApiSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rulec's own payload validator agrees with Kibana's published schema: it accepts every corpus payload, and no
 * mutated payload that the schema rejects passes it.
 */
class PayloadValidatorAgreementTest {

    private static final int PER_TYPE = 12;

    @Test
    void acceptsEveryCorpusPayload() throws IOException {
        List<String> rejected = new ArrayList<>();
        for (Path f : TomlCorpusTest.corpus()) {
            JsonNode p = PayloadBuilder.build(TomlRuleReader.read(f, new Diagnostics()).orElseThrow().rule());
            List<String> problems = PayloadValidator.problems(p);
            if (!problems.isEmpty()) {
                rejected.add(f.getFileName() + ": " + problems);
            }
        }
        assertEquals(List.of(), rejected);
    }

    @Test
    void rejectsEveryMutatedPayloadTheSchemaRejects() throws IOException {
        Map<String, Integer> perType = new HashMap<>();
        List<ObjectNode> samples = new ArrayList<>();
        for (Path f : TomlCorpusTest.corpus()) {
            ObjectNode p = PayloadBuilder.build(TomlRuleReader.read(f, new Diagnostics()).orElseThrow().rule());
            if (perType.merge(p.get("type").asText(), 1, Integer::sum) <= PER_TYPE) {
                samples.add(p);
            }
        }
        int schemaRejected = 0;
        int bothRejected = 0;
        int onlyOursRejected = 0;
        List<String> missed = new ArrayList<>();
        for (ObjectNode sample : samples) {
            for (Map.Entry<String, Consumer<ObjectNode>> m : mutations(sample).entrySet()) {
                ObjectNode mutated = sample.deepCopy();
                m.getValue().accept(mutated);
                boolean schemaOk = KibanaApiSchema.createRuleProblems(Json.compact(mutated)).isEmpty();
                boolean oursOk = PayloadValidator.problems(mutated).isEmpty();
                if (!schemaOk) {
                    schemaRejected++;
                    if (oursOk) {
                        missed.add(sample.get("type").asText() + " " + sample.get("name").asText() + ": " + m.getKey());
                    } else {
                        bothRejected++;
                    }
                } else if (!oursOk) {
                    onlyOursRejected++;
                }
            }
        }
        System.out.printf("payload validator: %d samples, %d mutations rejected by the schema, %d of them by rulec;"
                + " %d rejected by rulec only (formats the schema names but does not check)%n", samples.size(),
                schemaRejected, bothRejected, onlyOursRejected);
        assertTrue(schemaRejected > 500, "too few mutations exercised: " + schemaRejected);
        assertEquals(List.of(), missed);
    }

    private static Map<String, Consumer<ObjectNode>> mutations(ObjectNode p) {
        Map<String, Consumer<ObjectNode>> m = new LinkedHashMap<>();
        for (String field : List.of("name", "description", "risk_score", "severity", "type", "query", "language",
                "new_terms_fields", "history_window_start", "threshold", "machine_learning_job_id",
                "anomaly_threshold", "threat_index", "threat_mapping", "threat_query")) {
            if (p.has(field)) {
                m.put("remove " + field, n -> n.remove(field));
            }
        }
        m.put("risk_score 101", n -> n.put("risk_score", 101));
        m.put("risk_score -1", n -> n.put("risk_score", -1));
        m.put("risk_score as text", n -> n.put("risk_score", "50"));
        m.put("severity informational", n -> n.put("severity", "informational"));
        m.put("unknown type", n -> n.put("type", "sigma"));
        m.put("unknown field", n -> n.put("unknown_field", 1));
        m.put("empty name", n -> n.put("name", ""));
        m.put("tags as text", n -> n.put("tags", "x"));
        m.put("max_signals 0", n -> n.put("max_signals", 0));
        m.put("interval as number", n -> n.put("interval", 5));
        m.put("enabled as text", n -> n.put("enabled", "yes"));
        m.put("version 0", n -> n.put("version", 0));
        m.put("language sql", n -> n.put("language", "sql"));
        m.put("index on any type", n -> n.putArray("index").add("logs-*"));
        m.put("author as text", n -> n.put("author", "me"));
        m.put("severity_mapping bad operator", n -> n.putArray("severity_mapping").addObject().put("field", "f")
                .put("operator", "gt").put("value", "v").put("severity", "low"));
        m.put("risk_score_mapping without value", n -> n.putArray("risk_score_mapping").addObject().put("field", "f")
                .put("operator", "equals"));
        m.put("suppression without group_by", n -> n.putObject("alert_suppression").putObject("duration")
                .put("value", 5).put("unit", "m"));
        m.put("suppression bad unit", n -> n.putObject("alert_suppression").putObject("duration")
                .put("value", 5).put("unit", "d"));
        if (p.has("threat")) {
            m.put("tactic without id", n -> ((ObjectNode) n.get("threat").get(0).get("tactic")).remove("id"));
            m.put("threat extra field", n -> ((ObjectNode) n.get("threat").get(0)).put("x", 1));
        }
        if (p.has("new_terms_fields")) {
            m.put("no new terms field", n -> n.putArray("new_terms_fields"));
            m.put("four new terms fields", n -> {
                ArrayNode a = n.putArray("new_terms_fields");
                List.of("a", "b", "c", "d").forEach(a::add);
            });
        }
        if (p.has("threshold")) {
            m.put("threshold 0", n -> ((ObjectNode) n.get("threshold")).put("value", 0));
            m.put("threshold six fields", n -> {
                ArrayNode a = ((ObjectNode) n.get("threshold")).putArray("field");
                List.of("a", "b", "c", "d", "e", "f").forEach(a::add);
            });
        }
        if (p.has("anomaly_threshold")) {
            m.put("anomaly_threshold -1", n -> n.put("anomaly_threshold", -1));
            m.put("no job id", n -> n.putArray("machine_learning_job_id"));
        }
        if (p.has("threat_mapping")) {
            m.put("empty threat mapping", n -> n.putArray("threat_mapping"));
            m.put("threat mapping bad type", n -> ((ObjectNode) n.get("threat_mapping").get(0).get("entries").get(0))
                    .put("type", "match"));
        }
        return m;
    }
}
