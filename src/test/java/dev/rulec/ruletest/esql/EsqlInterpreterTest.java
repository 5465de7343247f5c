package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.lang.esql.EsqlParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsqlInterpreterTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
    private static final Map<String, String> MAPPING = Map.of("@timestamp", "date", "user.name", "keyword",
            "event.action", "keyword", "source.ip", "ip", "bytes", "long", "tags", "keyword", "message", "text");

    private static EsqlResult run(String query, String... docs) {
        List<Map.Entry<String, ObjectNode>> list = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            try {
                list.add(new AbstractMap.SimpleEntry<>(Integer.toString(i), (ObjectNode) M.readTree(docs[i])));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        var parsed = EsqlParser.parse(query);
        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        return new EsqlInterpreter(NOW).run(parsed.query().orElseThrow(), "logs-test", list, MAPPING);
    }

    private static List<String> column(EsqlResult r, String col) {
        List<String> out = new ArrayList<>();
        for (Map<String, JsonNode> row : r.rows()) {
            out.add(row.get(col).isTextual() ? row.get(col).textValue() : row.get(col).toString());
        }
        return out;
    }

    @Test
    void qstrMatchesTheRowsDocumentIncludingKeysOfFlattenedFields() {
        Map<String, String> mapping = new java.util.HashMap<>(MAPPING);
        mapping.put("aws.req", "flattened");
        List<Map.Entry<String, ObjectNode>> docs = new ArrayList<>();
        String[] json = {"{\"user.name\":\"a\",\"aws\":{\"req\":{\"mfa\":\"No\"}}}",
            "{\"user.name\":\"b\",\"aws\":{\"req\":{\"mfa\":\"yes\"}}}", "{\"user.name\":\"c\"}",
            "{\"user.name\":\"admin\",\"aws\":{\"req\":{\"mfa\":\"no\"}}}"};
        for (int i = 0; i < json.length; i++) {
            try {
                docs.add(new AbstractMap.SimpleEntry<>(Integer.toString(i), (ObjectNode) M.readTree(json[i])));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        var q = EsqlParser.parse("FROM logs-* | WHERE QSTR(\"\"\"aws.req.mfa:(\"NO\" OR \"No\" OR \"no\")\"\"\")"
                + " AND NOT QSTR(\"user.name:adm*\") | KEEP user.name").query().orElseThrow();
        assertEquals(List.of("a"), column(new EsqlInterpreter(NOW).run(q, "logs-test", docs, mapping), "user.name"));
    }

    @Test
    void qstrWhoseMeaningDependsOnAnalysisNeedsACluster() {
        NeedsClusterException e = assertThrows(NeedsClusterException.class,
                () -> run("FROM logs-* | WHERE QSTR(\"message:hello\")", "{\"message\":\"hello world\"}"));
        assertEquals("QSTR(\"message:hello\") ([message] is mapped as text, where the query's meaning depends on the"
                + " field's analysis)", e.getMessage());
        assertThrows(NeedsClusterException.class, () -> run("FROM logs-* | WHERE QSTR(\"hello\")", "{\"a\":1}"));
    }

    @Test
    void whereKeepsOnlyTrueRowsSoNotOfAMissingFieldDropsTheRow() {
        EsqlResult r = run("FROM logs-* | WHERE NOT (user.name == \"alice\") | KEEP event.action",
                "{\"user.name\":\"bob\",\"event.action\":\"a\"}", "{\"event.action\":\"b\"}",
                "{\"user.name\":\"alice\",\"event.action\":\"c\"}");
        assertEquals(List.of("a"), column(r, "event.action"));
    }

    @Test
    void orWithNullIsTrueWhenTheOtherSideIsTrue() {
        EsqlResult r = run("FROM logs-* | WHERE user.name == \"x\" OR event.action == \"b\" | KEEP event.action",
                "{\"event.action\":\"b\"}", "{\"event.action\":\"c\"}");
        assertEquals(List.of("b"), column(r, "event.action"));
    }

    @Test
    void comparisonOnAMultiValueIsNull() {
        EsqlResult r = run("FROM logs-* | WHERE tags == \"a\" | KEEP user.name",
                "{\"tags\":[\"a\",\"b\"],\"user.name\":\"multi\"}", "{\"tags\":\"a\",\"user.name\":\"single\"}");
        assertEquals(List.of("single"), column(r, "user.name"));
    }

    @Test
    void statsByAMultiValuePutsTheRowInEachGroup() {
        EsqlResult r = run("FROM logs-* | STATS c = COUNT(*) BY tags | SORT tags",
                "{\"tags\":[\"b\",\"a\"]}", "{\"tags\":\"a\"}", "{}");
        assertEquals(List.of("c", "tags"), r.columns());
        assertEquals(List.of("a", "b", "null"), column(r, "tags"));
        assertEquals(List.of("2", "1", "1"), column(r, "c"));
    }

    @Test
    void statsWithoutGroupsOnNoRowsGivesOneRow() {
        EsqlResult r = run("FROM logs-* | WHERE user.name == \"nobody\" | STATS c = COUNT(*), s = SUM(bytes)");
        assertEquals(1, r.rows().size());
        assertEquals("0", r.rows().get(0).get("c").toString());
        assertTrue(r.rows().get(0).get("s").isNull());
    }

    @Test
    void aggregatesTheDetectionRulesUse() {
        EsqlResult r = run("FROM logs-* | STATS n = COUNT(bytes), d = COUNT_DISTINCT(event.action), "
                        + "v = VALUES(event.action), hi = MAX(bytes), avg = AVG(bytes), "
                        + "big = SUM(CASE(bytes > 10, 1, 0)), latest = MAX(@timestamp) BY user.name",
                "{\"user.name\":\"u\",\"event.action\":\"b\",\"bytes\":5,\"@timestamp\":\"2026-01-31T10:00:00Z\"}",
                "{\"user.name\":\"u\",\"event.action\":\"a\",\"bytes\":20,\"@timestamp\":\"2026-01-31T11:00:00Z\"}",
                "{\"user.name\":\"u\",\"event.action\":\"a\"}");
        Map<String, JsonNode> row = r.rows().get(0);
        assertEquals("2", row.get("n").toString());
        assertEquals("2", row.get("d").toString());
        assertEquals("[\"a\",\"b\"]", row.get("v").toString());
        assertEquals("20", row.get("hi").toString());
        assertEquals("12.5", row.get("avg").toString());
        assertEquals("1", row.get("big").toString());
        assertEquals("\"2026-01-31T11:00:00.000Z\"", row.get("latest").toString());
    }

    @Test
    void likeRlikeInAndCidrMatch() {
        EsqlResult r = run("FROM logs-* | WHERE event.action LIKE \"Get*\" AND event.action RLIKE \"Get[A-Z].*\" "
                        + "AND user.name IN (\"a\", \"b\") AND CIDR_MATCH(source.ip, \"10.0.0.0/8\") | KEEP user.name",
                "{\"event.action\":\"GetObject\",\"user.name\":\"a\",\"source.ip\":\"10.1.2.3\"}",
                "{\"event.action\":\"getObject\",\"user.name\":\"a\",\"source.ip\":\"10.1.2.3\"}",
                "{\"event.action\":\"GetObject\",\"user.name\":\"c\",\"source.ip\":\"10.1.2.3\"}",
                "{\"event.action\":\"GetObject\",\"user.name\":\"b\",\"source.ip\":\"192.168.0.1\"}");
        assertEquals(List.of("a"), column(r, "user.name"));
    }

    @Test
    void inWithANullElementIsNullWhenNothingMatches() {
        EsqlResult r = run("FROM logs-* | EVAL x = user.name IN (\"a\", null) | KEEP x",
                "{\"user.name\":\"a\"}", "{\"user.name\":\"b\"}");
        assertEquals(List.of("true", "null"), column(r, "x"));
    }

    @Test
    void dateArithmeticAndNow() {
        EsqlResult r = run("FROM logs-* | WHERE @timestamp >= NOW() - 1 hour | KEEP user.name",
                "{\"user.name\":\"recent\",\"@timestamp\":\"2026-01-31T11:30:00Z\"}",
                "{\"user.name\":\"old\",\"@timestamp\":\"2026-01-30T11:30:00Z\"}");
        assertEquals(List.of("recent"), column(r, "user.name"));
    }

    @Test
    void stringAndMultiValueFunctions() {
        EsqlResult r = run("FROM logs-* | EVAL a = TO_LOWER(user.name), b = SUBSTRING(user.name, 2, 3), "
                        + "c = MV_COUNT(tags), d = MV_CONCAT(tags, \",\"), e = LENGTH(user.name), "
                        + "f = CONCAT(user.name, \"-\", TO_STRING(bytes)), g = SPLIT(\"x;y\", \";\") "
                        + "| KEEP a, b, c, d, e, f, g",
                "{\"user.name\":\"AlIcE\",\"tags\":[\"z\",\"y\"],\"bytes\":3}");
        Map<String, JsonNode> row = r.rows().get(0);
        assertEquals("\"alice\"", row.get("a").toString());
        assertEquals("\"lIc\"", row.get("b").toString());
        assertEquals("2", row.get("c").toString());
        assertEquals("\"y,z\"", row.get("d").toString());
        assertEquals("5", row.get("e").toString());
        assertEquals("\"AlIcE-3\"", row.get("f").toString());
        assertEquals("[\"x\",\"y\"]", row.get("g").toString());
    }

    @Test
    void sortPutsNullsLastAscendingAndFirstDescending() {
        String[] docs = {"{\"user.name\":\"b\",\"bytes\":2}", "{\"user.name\":\"n\"}", "{\"user.name\":\"a\",\"bytes\":1}"};
        assertEquals(List.of("a", "b", "n"), column(run("FROM logs-* | SORT bytes | KEEP user.name", docs), "user.name"));
        assertEquals(List.of("n", "b", "a"),
                column(run("FROM logs-* | SORT bytes DESC | KEEP user.name", docs), "user.name"));
    }

    @Test
    void keepDropRenameAndLimit() {
        EsqlResult r = run("FROM logs-* | EVAL x.a = 1, x.b = 2 | RENAME user.name AS who | KEEP who, x.* "
                + "| DROP x.b | LIMIT 1", "{\"user.name\":\"u\"}", "{\"user.name\":\"v\"}");
        assertEquals(List.of("who", "x.a"), r.columns());
        assertEquals(1, r.rows().size());
    }

    @Test
    void implicitLimitIsAThousandRows() {
        String[] docs = new String[1005];
        java.util.Arrays.fill(docs, "{}");
        assertEquals(1000, run("FROM logs-* | KEEP user.name", docs).rows().size());
    }

    @Test
    void constructsOutsideTheSubsetNeedACluster() {
        var q = EsqlParser.parse("FROM logs-* | WHERE QSTR(\"message: a\")").query().orElseThrow();  // a text field: depends on analysis
        assertThrows(NeedsClusterException.class, () -> new EsqlInterpreter(NOW).run(q, "logs-test",
                List.of(new AbstractMap.SimpleEntry<>("0", M.createObjectNode())), MAPPING));
        var g = EsqlParser.parse("FROM logs-* | GROK message \"%{WORD:w}\"").query().orElseThrow();
        assertThrows(NeedsClusterException.class, () -> new EsqlInterpreter(NOW).run(g, "logs-test", List.of(), MAPPING));
    }

    @Test
    void unknownColumnAndIndexAreErrors() {
        assertThrows(EsqlRuntimeException.class, () -> run("FROM logs-* | WHERE nosuch == 1", "{}"));
        assertThrows(EsqlRuntimeException.class, () -> run("FROM other-* | LIMIT 1", "{}"));
    }

    @Test
    void metadataColumns() {
        EsqlResult r = run("FROM logs-* METADATA _id, _index | KEEP _id, _index", "{}");
        assertEquals("\"0\"", r.rows().get(0).get("_id").toString());
        assertEquals("\"logs-test\"", r.rows().get(0).get("_index").toString());
    }
    @Test
    void kqlRunsOnTheDocumentsOfFromAsElasticsearchsKqlReadsIt() {
        String[] docs = {"{\"user.name\":\"bob\",\"event.action\":\"login\"}",
                "{\"user\":{\"name\":\"alice\"},\"event.action\":\"logout\"}", "{\"event.action\":\"login\"}"};
        assertEquals(List.of("login"), column(run("FROM logs-* | WHERE KQL(\"user.name:b* and event.action:login\")"
                + " | KEEP event.action", docs), "event.action"));
        assertEquals(List.of("logout", "login"), column(run("FROM logs-* | SORT event.action DESC"
                + " | WHERE KQL(\"\"\"not user.name:\"bob\" \"\"\") | KEEP event.action", docs), "event.action"));
        assertEquals(List.of("bob", "alice"), column(run("FROM logs-* | WHERE KQL(\"user.*:*\") | KEEP user.name", docs),
                "user.name"));
    }

    @Test
    void kqlIsRefusedWhereElasticsearchRefusesIt() {
        String doc = "{\"user.name\":\"bob\"}";
        EsqlRuntimeException late = assertThrows(EsqlRuntimeException.class,
                () -> run("FROM logs-* | LIMIT 10 | WHERE KQL(\"user.name:bob\")", doc));
        assertTrue(late.getMessage().contains("straight after FROM"), late.getMessage());
        EsqlRuntimeException list = assertThrows(EsqlRuntimeException.class,
                () -> run("FROM logs-* | WHERE KQL(\"user.name:(bob or alice)\")", doc));
        assertTrue(list.getMessage().startsWith("Failed to parse KQL query [user.name:(bob or alice)]"), list.getMessage());
    }
}
