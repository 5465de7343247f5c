package dev.rulec.source.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.Detection;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.testsupport.es.EsNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Correlation rules compiled to ES|QL run on a real Elasticsearch node and select exactly the groups the Sigma
 * correlation describes: address A has 20 failed logins by 5 users, then an access key; address B has 3 failed
 * logins, after an access key.
 */
class CorrelationEsqlIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "logs-aws.cloudtrail-rulec-it";

    private static ObjectNode event(String time, String action, String address, String arn, String error) {
        ObjectNode e = JSON.createObjectNode().put("@timestamp", time).put("event.dataset", "aws.cloudtrail")
                .put("event.action", action).put("source.address", address)
                .put("aws.cloudtrail.user_identity.arn", arn);
        if (error != null) {
            e.put("aws.cloudtrail.error_message", error);
        }
        return e;
    }

    private static List<ObjectNode> events() {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(event(String.format("2026-01-01T10:00:%02dZ", i), "ConsoleLogin", "10.0.0.1",
                    "arn:aws:iam::1:user/u" + (i % 5), "Failed authentication"));
        }
        out.add(event("2026-01-01T10:01:00Z", "CreateAccessKey", "10.0.0.1", "arn:aws:iam::1:user/u0", null));
        out.add(event("2026-01-01T10:04:00Z", "CreateAccessKey", "10.0.0.2", "arn:aws:iam::1:user/v", null));
        for (int i = 0; i < 3; i++) {
            out.add(event("2026-01-01T10:05:0" + i + "Z", "ConsoleLogin", "10.0.0.2", "arn:aws:iam::1:user/v",
                    "Failed authentication"));
        }
        return out;
    }

    private static Set<String> addresses(EsNode node, String query) {
        EsNode.Response r = node.json("POST", "/_query", JSON.createObjectNode().put("query", query));
        assertTrue(r.ok(), () -> query + "\n→ " + r.body());
        int col = -1;
        JsonNode cols = r.body().path("columns");
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).path("name").asText().equals("source.address")) {
                col = i;
            }
        }
        Set<String> out = new TreeSet<>();
        for (JsonNode row : r.body().path("values")) {
            out.add(row.get(col).asText());
        }
        return out;
    }

    private static List<String> compile(String resource) throws Exception {
        Diagnostics d = new Diagnostics();
        Path p = Path.of(CorrelationEsqlIT.class.getResource("/sigma/" + resource).toURI());
        List<LoadedRule> rules = SigmaFrontEnd.compile(p, new EsqlRenderer(), PipelineSet.builtIns(), d);
        assertFalse(d.hasErrors(), d.all().toString());
        return rules.stream().map(r -> ((Detection.Esql) r.rule().detection()).query()).toList();
    }

    @Test
    void correlationsSelectExactlyTheDescribedGroups() throws Exception {
        EsNode node = EsNode.require();
        node.createIndex(INDEX, Map.of("@timestamp", "date"));
        try {
            assertEquals(Map.of(), node.bulk(INDEX, "e", events()));
            List<String> counts = compile("correlation-event-count.yml");
            assertEquals(Set.of("10.0.0.1"), addresses(node, counts.get(0)), counts.get(0));
            assertEquals(Set.of("10.0.0.1"), addresses(node, counts.get(1)), counts.get(1));
            List<String> temporal = compile("correlation-temporal.yml");
            assertEquals(Set.of("10.0.0.1", "10.0.0.2"), addresses(node, temporal.get(0)), temporal.get(0));
            assertEquals(Set.of("10.0.0.1"), addresses(node, temporal.get(1)), temporal.get(1));
        } finally {
            node.deleteIndex(INDEX);
        }
    }
}
