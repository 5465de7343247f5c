package dev.rulec.lang.esql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.ruletest.esql.EsqlInterpreter;
import dev.rulec.ruletest.esql.EsqlResult;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.es.RequiresElasticsearch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * rulec's reading of the KQL inside ES|QL's {@code KQL()} against the node's: which queries Elasticsearch's own KQL
 * parser refuses (it has no value lists, {@code field:(a or b)}, which Kibana's KQL has), and, for the queries both
 * accept, that rulec's tree, and {@code rulec test}'s ES|QL interpreter running the query, select the same documents
 * as the node. Where rulec refuses what the node takes, the node
 * must be reading it otherwise than Kibana does ({@link #STRICTER}).
 */
@RequiresElasticsearch
class EmbeddedKqlDialectIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "rulec-kql-dialect";
    private static final Map<String, String> MAPPING = Map.of("a", "keyword", "c", "keyword", "n", "long");

    /** Queries both parsers take, or both refuse; each also compared on the documents when both take it. */
    private static final List<String> QUERIES = List.of(
            "a:b", "a:\"b\"", "a:(b)", "a:(\"b\")", "a:(b*)", "a:*", "not a:b", "a:b or c:d", "a:b and not c:d",
            "(a:b or a:c) and not c:e", "a:b or a:c", "a:(b or c)", "a:(\"b\" or \"c\")", "a:(b and c)",
            "a:(b or c or d)", "a:(*b* or c)", "a:(b or c) and c:d", "a:((b))", "n >= 3", "n < 3", "a:b*", "a:*c",
            "c:\"d e\"", "a:b\\*", "n:(3)");

    /**
     * Queries the node takes but reads otherwise than Kibana, with the document ids Kibana's reading would select:
     * rulec refuses them. {@code a:(not b)} is a negation for Kibana, the value "not b" for the node; {@code \ } is
     * no escape for Kibana, and the node does not read it as a space either.
     */
    private static final Map<String, Set<String>> STRICTER = Map.of(
            "a:(not b)", Set.of("d1", "d2", "d3", "d4", "d5"),
            "c:d\\ e", Set.of("d2"));

    @Test
    void rulecRefusesWhatElasticsearchsKqlRefusesAndSelectsTheSameDocuments(EsNode es) throws Exception {
        es.createIndex(INDEX, MAPPING);
        List<JsonNode> docs = List.of(
                doc("{\"a\":\"b\",\"c\":\"d\",\"n\":1}"), doc("{\"a\":\"c\",\"c\":\"e\",\"n\":3}"),
                doc("{\"a\":\"abc\",\"c\":\"d e\",\"n\":5}"), doc("{\"a\":\"b*\",\"n\":7}"), doc("{\"c\":\"x\"}"),
                doc("{\"a\":\"not b\",\"c\":\"d\"}"));
        es.bulk(INDEX, "d", docs);

        List<String> disagreements = new ArrayList<>();
        int both = 0;
        for (String q : QUERIES) {
            Diagnostics diags = new Diagnostics();
            Optional<Expr> mine = KqlParser.parseElasticsearchDialect(q, new SourcePos("q", 1, 1), diags);
            EsNode.Response r = es.request("POST", "/_query", Optional.of(JSON.createObjectNode().put("query", esql(q))));
            if (mine.isPresent() != r.ok()) {
                disagreements.add(q + ": rulec " + (mine.isPresent() ? "accepts" : "refuses (" + diags.all() + ")")
                        + ", node " + (r.ok() ? "accepts" : "refuses: " + r.body().path("error").path("reason")));
                continue;
            }
            if (mine.isEmpty()) {
                continue;
            }
            both++;
            Set<String> nodeIds = ids(r);
            Matcher m = Matcher.compile(mine.get());
            Set<String> mineIds = new TreeSet<>();
            for (int i = 0; i < docs.size(); i++) {
                if (m.matches(docs.get(i))) {
                    mineIds.add("d" + i);
                }
            }
            if (!mineIds.equals(nodeIds)) {
                disagreements.add(q + ": rulec selects " + mineIds + ", node " + nodeIds);
            }
            Set<String> interpreted = interpret(q, docs);
            if (!interpreted.equals(nodeIds)) {
                disagreements.add(q + ": rulec test's ES|QL interpreter selects " + interpreted + ", node " + nodeIds);
            }
        }
        for (Map.Entry<String, Set<String>> e : STRICTER.entrySet()) {
            String q = e.getKey();
            boolean refused = KqlParser.parseElasticsearchDialect(q, new SourcePos("q", 1, 1), new Diagnostics()).isEmpty();
            EsNode.Response r = es.request("POST", "/_query", Optional.of(JSON.createObjectNode().put("query", esql(q))));
            Set<String> nodeIds = ids(r);
            if (!refused || !r.ok() || nodeIds.equals(e.getValue())) {
                disagreements.add(q + ": expected rulec to refuse (" + refused + ") what the node reads otherwise than"
                        + " Kibana; node " + (r.ok() ? "selects " + nodeIds : "refuses"));
            }
        }
        System.out.println("KQL() dialect: " + QUERIES.size() + " queries, " + both + " taken by both, "
                + STRICTER.size() + " refused by rulec only; disagreements: " + disagreements.size());
        disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
        assertEquals(List.of(), disagreements);
    }

    /** The query run by {@code rulec test}'s in-process ES|QL interpreter over the same documents. */
    private static Set<String> interpret(String kql, List<JsonNode> docs) {
        List<Map.Entry<String, ObjectNode>> entries = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            entries.add(Map.entry("d" + i, (ObjectNode) docs.get(i)));
        }
        EsqlResult r = new EsqlInterpreter(Instant.now()).run(EsqlParser.parse(esql(kql)).query().orElseThrow(), INDEX,
                entries, MAPPING);
        Set<String> ids = new TreeSet<>();
        r.rows().forEach(row -> ids.add(row.get("_id").asText()));
        return ids;
    }

    private static String esql(String kql) {
        return "FROM " + INDEX + " METADATA _id | WHERE KQL(\"\"\"" + kql + "\"\"\") | KEEP _id | LIMIT 100";
    }

    private static Set<String> ids(EsNode.Response r) {
        Set<String> ids = new TreeSet<>();
        r.body().path("values").forEach(row -> ids.add(row.get(0).asText()));
        return ids;
    }

    private static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json);
    }
}
