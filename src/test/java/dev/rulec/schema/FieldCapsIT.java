package dev.rulec.schema;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Schema#fromFieldCaps} against a real node ({@code rulec.es.url} or {@code RULEC_ES_URL}; skipped when unset). */
class FieldCapsIT {

    private static String url() {
        String url = Optional.ofNullable(System.getProperty("rulec.es.url"))
                .or(() -> Optional.ofNullable(System.getenv("RULEC_ES_URL"))).orElse("");
        Assumptions.assumeFalse(url.isEmpty(), "skipped: set -Drulec.es.url or RULEC_ES_URL to a running Elasticsearch");
        return url;
    }

    @Test
    void readsMappedTypesAndMultiFieldsOfTheNamedIndices() throws Exception {
        String url = url();
        HttpClient http = HttpClient.newHttpClient();
        String body = """
                {"mappings":{"properties":{"source":{"properties":{"ip":{"type":"ip"}}},
                 "process":{"properties":{"name":{"type":"keyword","fields":{"caseless":{"type":"keyword"}}}}},
                 "event":{"properties":{"duration":{"type":"long"}}}}}}""";
        http.send(HttpRequest.newBuilder(URI.create(url + "/rulec-fieldcaps-a")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/rulec-fieldcaps-a"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());

        Schema s = Schema.fromFieldCaps(url, List.of("rulec-fieldcaps-*"));
        assertEquals("ip", s.field("source.ip").orElseThrow().type());
        assertEquals("keyword", s.field("process.name.caseless").orElseThrow().type());
        assertEquals("long", s.asFieldTypes().typeOf("event.duration").orElseThrow());
        assertTrue(s.field("user.name").isEmpty());
    }

    @Test
    void anUnreachableClusterIsAReportedCondition() {
        url();
        assertThrows(SchemaUnavailableException.class, () -> Schema.fromFieldCaps("http://127.0.0.1:1", List.of("x")));
    }
}
