package dev.rulec.testsupport.es;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build's own node answers: a data stream takes documents and ES|QL and the kql query read them back. */
@RequiresElasticsearch
class ElasticsearchSmokeIT {
    private static final String STREAM = "logs-rulec.smoke-default";

    @Test
    void indexesIntoADataStreamAndQueriesWithEsql(EsNode es) {
        es.put("/_index_template/rulec-smoke", """
                {"index_patterns": ["logs-rulec.smoke-*"], "data_stream": {}, "priority": 500,
                 "template": {"mappings": {"properties": {
                   "@timestamp": {"type": "date"}, "event.action": {"type": "keyword"},
                   "user.name": {"type": "keyword"}, "source.ip": {"type": "ip"}}}}}""");
        es.bulk("/" + STREAM + "/_bulk?refresh=true", """
                {"create": {}}
                {"@timestamp": "2026-01-01T00:00:00Z", "event.action": "ConsoleLogin", "user.name": "alice", "source.ip": "10.0.0.1"}
                {"create": {}}
                {"@timestamp": "2026-01-01T00:01:00Z", "event.action": "DeleteTrail", "user.name": "bob", "source.ip": "192.0.2.7"}
                """);

        JsonNode r = es.post("/_query", """
                {"query": "FROM logs-rulec.smoke-default | WHERE CIDR_MATCH(source.ip, \\"10.0.0.0/8\\") | KEEP user.name, event.action"}""");
        assertEquals(List.of(List.of("alice", "ConsoleLogin")), rows(r));

        JsonNode kql = es.post("/" + STREAM + "/_search", """
                {"query": {"kql": {"query": "event.action: DeleteTrail and not user.name: alice"}}}""");
        assertEquals(1, kql.path("hits").path("total").path("value").asInt());
        assertTrue(es.url().getHost().equals("127.0.0.1") || es.url().getHost().equals("localhost"),
                "the node must be on loopback: " + es.url());
    }

    @Test
    void publishesItsUrlForTestsThatOnlyReadTheProperty(EsNode es) {
        assertEquals(es.url().toString(), System.getProperty(SharedElasticsearch.URL_PROPERTY));
    }

    private static List<List<String>> rows(JsonNode r) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode row : r.path("values")) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.asText()));
            out.add(cells);
        }
        return out;
    }
}
