package dev.rulec.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexMappingBuilderTest {

    private static Schema table(FieldInfo... fields) {
        Map<String, FieldInfo> m = new LinkedHashMap<>();
        for (FieldInfo f : fields) {
            m.put(f.name(), f);
        }
        return new TableSchema(m, "test");
    }

    private static JsonNode prop(ObjectNode body, String dotted) {
        JsonNode cur = body.path("mappings");
        for (String part : dotted.split("\\.")) {
            cur = cur.path("properties").path(part);
        }
        return cur;
    }

    @Test
    void typesTheNodeLacksBecomeTheirNearestCoreType() {
        assertEquals(Optional.of("text"), IndexMappingBuilder.coreType("match_only_text"));
        assertEquals(Optional.of("keyword"), IndexMappingBuilder.coreType("wildcard"));
        assertEquals(Optional.of("keyword"), IndexMappingBuilder.coreType("constant_keyword"));
        assertEquals(Optional.of("keyword"), IndexMappingBuilder.coreType("version"));
        assertEquals(Optional.of("double"), IndexMappingBuilder.coreType("scaled_float"));
        assertEquals(Optional.of("long"), IndexMappingBuilder.coreType("unsigned_long"));
        assertEquals(Optional.of("ip"), IndexMappingBuilder.coreType("ip"));
        assertEquals(Optional.of("flattened"), IndexMappingBuilder.coreType("flattened"));
        assertEquals(Optional.empty(), IndexMappingBuilder.coreType("object"));
        assertEquals(Optional.empty(), IndexMappingBuilder.coreType("nested"));
        assertEquals(Optional.empty(), IndexMappingBuilder.coreType("no_such_type"));
    }

    @Test
    void schemaFieldsMapWithMultiFieldsAndWithoutContainersOrFlattenedKeys() {
        Schema s = table(FieldInfo.of("@timestamp", "date"),
                new FieldInfo("process.command_line", "wildcard", Map.of("text", "match_only_text", "caseless", "keyword")),
                FieldInfo.of("process.pid", "unsigned_long"), FieldInfo.of("winlog.event_data", "object"),
                FieldInfo.of("winlog.event_data.RequestId", "keyword"), FieldInfo.of("aws.request", "flattened"),
                FieldInfo.of("aws.request.userName", "keyword"), FieldInfo.of("ip", "ip"), FieldInfo.of("ip.x", "long"));
        IndexMappingBuilder b = new IndexMappingBuilder().schema(s);

        assertEquals(Map.of("@timestamp", "date", "process.command_line", "keyword", "process.command_line.text", "text",
                "process.command_line.caseless", "keyword", "process.pid", "long", "winlog.event_data.RequestId",
                "keyword", "aws.request", "flattened", "ip", "ip"), b.types());
        ObjectNode body = b.createBody();
        JsonNode cmd = prop(body, "process.command_line");
        assertEquals("keyword", cmd.path("type").asText());
        assertEquals("text", cmd.path("fields").path("text").path("type").asText());
        assertFalse(cmd.path("fields").path("caseless").has("normalizer"));
        assertEquals("flattened", prop(body, "aws.request").path("type").asText());
        assertFalse(prop(body, "aws.request").has("properties"));
        assertEquals("keyword", body.at("/mappings/dynamic_templates/0/strings_as_keyword/mapping/type").asText());
        assertFalse(body.at("/mappings/date_detection").asBoolean(true));
        assertEquals(1, body.at("/settings/number_of_shards").asInt());
    }

    @Test
    void keysOfADynamicObjectAQueryReadsAreMappedAsTheIntegrationWould() {
        Schema s = table(FieldInfo.of("winlog.event_data", "object"), FieldInfo.of("winlog.event_data.RequestId", "keyword"),
                new FieldInfo("process.name", "keyword", Map.of("caseless", "keyword")), FieldInfo.of("aws.request", "flattened"));
        IndexMappingBuilder b = new IndexMappingBuilder().schema(s).usedKeys(s, List.of("winlog.event_data.Requester",
                "process.name.caseless", "aws.request.userName", "Esql.local_column", "event.code"));

        assertEquals("keyword", b.types().get("winlog.event_data.Requester"));
        assertEquals("keyword", prop(b.createBody(), "winlog.event_data.Requester").path("type").asText());
        assertEquals(Map.of("winlog.event_data.RequestId", "keyword", "winlog.event_data.Requester", "keyword",
                "process.name", "keyword", "process.name.caseless", "keyword", "aws.request", "flattened"), b.types());
    }

    @Test
    void aFieldUnderOrAboveAMappedLeafIsRefused() {
        IndexMappingBuilder b = new IndexMappingBuilder().field("a.b", "keyword");
        IllegalArgumentException under = assertThrows(IllegalArgumentException.class, () -> b.field("a.b.c", "keyword"));
        assertTrue(under.getMessage().contains("[a.b.c] and [a.b]"), under.getMessage());
        IllegalArgumentException above = assertThrows(IllegalArgumentException.class, () -> b.field("a", "keyword"));
        assertTrue(above.getMessage().contains("[a] and [a.b]"), above.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.multiField("x", "caseless", "keyword"));
    }

    @Test
    void nestedPathsMalformedValuesNormalizersAndStrictMappingAreOptIn() {
        Schema s = table(FieldInfo.of("threat.enrichments", "nested"), FieldInfo.of("threat.enrichments.indicator.ip", "ip"));
        ObjectNode body = new IndexMappingBuilder().nestedPaths(s).schema(s).field("count", "scaled_float")
                .field("name", "keyword").multiField("name", "caseless", "keyword")
                .ignoreMalformed().caselessNormalizer().noDynamicFields().createBody();

        assertEquals("nested", prop(body, "threat.enrichments").path("type").asText());
        assertEquals("ip", prop(body, "threat.enrichments.indicator.ip").path("type").asText());
        assertTrue(prop(body, "threat.enrichments.indicator.ip").path("ignore_malformed").asBoolean());
        assertEquals("double", prop(body, "count").path("type").asText());
        assertTrue(prop(body, "count").path("ignore_malformed").asBoolean());
        assertFalse(prop(body, "name").has("ignore_malformed"));
        assertEquals("lowercase", prop(body, "name").at("/fields/caseless/normalizer").asText());
        assertFalse(body.at("/mappings/dynamic").asBoolean(true));
        assertFalse(body.path("mappings").has("dynamic_templates"));
    }
}
