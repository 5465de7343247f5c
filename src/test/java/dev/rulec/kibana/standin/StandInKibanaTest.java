package dev.rulec.kibana.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-in behaves as Kibana does and refuses what Kibana's schema refuses: it is not a fake that accepts anything. */
class StandInKibanaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private StandInKibana kibana;

    @BeforeEach
    void start() {
        kibana = StandInKibana.start(SharedFiles.require("kibana/detections-api.schema.yaml"));
    }

    @AfterEach
    void stop() {
        kibana.close();
    }

    private HttpResponse<String> send(String method, String path, String body, boolean xsrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(kibana.url().resolve(path))
                .header("Elastic-Api-Version", "2023-10-31").header("Content-Type", "application/json")
                .header("Authorization", "Basic ZWxhc3RpYzpjaGFuZ2VtZQ==")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (xsrf) {
            b.header("kbn-xsrf", "true");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rule(String ruleId) {
        ObjectNode r = JSON.createObjectNode().put("rule_id", ruleId).put("name", "n").put("description", "d")
                .put("risk_score", 21).put("severity", "low").put("type", "query").put("query", "a: b");
        return r.toString();
    }

    @Test
    void createsARuleWithKibanasDefaultsAndAnswers409ForADuplicateRuleId() throws Exception {
        HttpResponse<String> created = send("POST", "/api/detection_engine/rules", rule("r1"), true);
        assertEquals(200, created.statusCode(), created.body());
        JsonNode r = JSON.readTree(created.body());
        assertEquals("5m", r.path("interval").asText());
        assertEquals("kuery", r.path("language").asText());
        assertEquals(0, r.path("revision").asInt());
        HttpResponse<String> again = send("POST", "/api/detection_engine/rules", rule("r1"), true);
        assertEquals(409, again.statusCode());
        assertEquals("rule_id: \"r1\" already exists", JSON.readTree(again.body()).path("message").asText());
        assertEquals(List.of(), kibana.violations());
    }

    @Test
    void refusesABodyTheSchemaRefusesAndRecordsTheViolation() throws Exception {
        String bad = rule("r2").replace("\"severity\":\"low\"", "\"severity\":\"catastrophic\"");
        HttpResponse<String> r = send("POST", "/api/detection_engine/rules", bad, true);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("stand-in schema validation"), r.body());
        assertTrue(!kibana.violations().isEmpty() && kibana.violations().stream()
                .allMatch(v -> v.startsWith("request POST /api/detection_engine/rules")), kibana.violations()::toString);
        assertEquals(0, kibana.rules("default").size());
    }

    @Test
    void refusesAWriteWithoutKbnXsrf() throws Exception {
        HttpResponse<String> r = send("POST", "/api/detection_engine/rules", rule("r3"), false);
        assertEquals(400, r.statusCode());
        assertEquals("Request must contain a kbn-xsrf header.", JSON.readTree(r.body()).path("message").asText());
    }

    @Test
    void pagesFindAndRefusesPagesBeyondTheWindow() throws Exception {
        for (int i = 0; i < 5; i++) {
            send("POST", "/api/detection_engine/rules", rule("p" + i), true);
        }
        JsonNode page2 = JSON.readTree(send("GET", "/api/detection_engine/rules/_find?page=2&per_page=2", null, true).body());
        assertEquals(5, page2.path("total").asInt());
        assertEquals(List.of("p2", "p3"), List.of(page2.path("data").get(0).path("rule_id").asText(),
                page2.path("data").get(1).path("rule_id").asText()));
        assertEquals(400, send("GET", "/api/detection_engine/rules/_find?page=11&per_page=1000", null, true).statusCode());
        assertEquals(List.of(), kibana.violations());
    }

    @Test
    void anUnknownApiVersionIsRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(kibana.url().resolve("/api/detection_engine/rules/_find"))
                .header("Elastic-Api-Version", "2099-01-01").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("No version \\\"2099-01-01\\\" available for [get] [/api/detection_engine/rules/_find]"),
                r.body());
    }
}
