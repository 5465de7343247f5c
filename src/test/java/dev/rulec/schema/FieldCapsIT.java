package dev.rulec.schema;

import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.es.RequiresElasticsearch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Schema#fromFieldCaps} against the run's real node. */
@RequiresElasticsearch
class FieldCapsIT {

    @Test
    void readsMappedTypesAndMultiFieldsOfTheNamedIndices(EsNode es) throws Exception {
        String body = """
                {"mappings":{"properties":{"source":{"properties":{"ip":{"type":"ip"}}},
                 "process":{"properties":{"name":{"type":"keyword","fields":{"caseless":{"type":"keyword"}}}}},
                 "event":{"properties":{"duration":{"type":"long"}}}}}}""";
        es.request("DELETE", "/rulec-fieldcaps-a", Optional.empty());
        EsNode.Response r = es.request("PUT", "/rulec-fieldcaps-a", Optional.of(body));
        assertTrue(r.ok(), r.text());

        String url = es.url().toString();
        Optional<String> auth = es.credentials().map(c -> "Basic " + java.util.Base64.getEncoder().encodeToString(
                (c.user() + ":" + c.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Schema s = Schema.fromFieldCaps(url, List.of("rulec-fieldcaps-*"), auth);
        assertEquals("ip", s.field("source.ip").orElseThrow().type());
        assertEquals("keyword", s.field("process.name.caseless").orElseThrow().type());
        assertEquals("long", s.asFieldTypes().typeOf("event.duration").orElseThrow());
        assertTrue(s.field("user.name").isEmpty());
    }

    @Test
    void anUnreachableClusterIsAReportedCondition() {
        assertThrows(SchemaUnavailableException.class, () -> Schema.fromFieldCaps("http://127.0.0.1:1", List.of("x")));
    }
}
