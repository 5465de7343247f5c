package dev.rulec.ruletest.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.model.Detection;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.ThresholdSpec;
import dev.rulec.ruletest.Alert;
import dev.rulec.ruletest.Engine;
import dev.rulec.ruletest.IndexLayout;
import dev.rulec.ruletest.InProcessEngine;
import dev.rulec.ruletest.KibanaFilters;
import dev.rulec.ruletest.Outcome;
import dev.rulec.ruletest.QueryDsl;
import dev.rulec.ruletest.TestCase;
import dev.rulec.ruletest.TestRule;
import dev.rulec.ruletest.TimeResolver;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs a fixture on a real Elasticsearch node the way the detection engine does: the events go into a temporary
 * index mapped from the schema (the node has no data-streams module, so a plain index whose name the rule's patterns
 * match), then: query rules, the query's DSL (KQL → IR → DSL; Lucene as {@code query_string}) AND the time range;
 * new terms, the two-step composite aggregation; threshold, nested terms aggregations with {@code min_doc_count} and
 * cardinality; ES|QL, {@code POST /_query} with the time range as {@code filter}. The searches are limited to the
 * temporary index (an {@code _index} filter) so other data on the node cannot interfere. The index is always deleted.
 */
public final class EsEngine implements Engine {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 1000;

    private final EsClient es;

    public EsEngine(EsClient es) {
        this.es = es;
    }

    @Override
    public String description() {
        return "Elasticsearch at " + es.url();
    }

    @Override
    public Outcome run(TestCase tc) {
        Detection d = tc.rule().detection();
        if (d instanceof Detection.MachineLearning) {
            return new Outcome.Skipped(InProcessEngine.ML);
        }
        if (d instanceof Detection.Eql) {
            return new Outcome.Skipped("EQL rules need a cluster with EQL (the test node has none)");
        }
        if (d instanceof Detection.ThreatMatch || d instanceof Detection.SavedQuery) {
            return new Outcome.Skipped(d.typeName() + " rules are not run by rulec test");
        }
        try (Session session = open(tc.layout(), tc.events())) {
            return session.run(tc);
        } catch (IOException e) {
            return new Outcome.Failed("Elasticsearch at " + es.url() + " did not answer: " + e.getMessage());
        }
    }

    /**
     * Creates the layout's index and indexes the events (ids are their positions); closing deletes the index. Several
     * test cases over the same layout and events can run on one session.
     */
    public Session open(IndexLayout layout, List<ObjectNode> events) throws IOException {
        EsClient.Response created = es.json("PUT", "/" + layout.name(), layout.createBody());
        if (!created.ok()) {
            return new Session(layout.name(), Optional.of("cannot create the index " + layout.name() + ": "
                    + EsClient.reason(created)));
        }
        Session s = new Session(layout.name(), Optional.empty());
        try {
            s.problem = index(events, layout.name());
        } catch (IOException | RuntimeException e) {
            try {
                s.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return s;
    }

    /** A temporary index holding events. */
    public final class Session implements AutoCloseable {
        private final String index;
        private Optional<String> problem;
        private final boolean created;

        Session(String index, Optional<String> problem) {
            this.index = index;
            this.problem = problem;
            this.created = problem.isEmpty();
        }

        public Outcome run(TestCase tc) {
            if (problem.isPresent()) {
                return new Outcome.Failed(problem.get());
            }
            try {
                return search(tc, tc.rule().detection(), index);
            } catch (IOException e) {
                return new Outcome.Failed("Elasticsearch at " + es.url() + " did not answer: " + e.getMessage());
            }
        }

        @Override
        public void close() throws IOException {
            if (created) {
                es.delete("/" + index);
            }
        }
    }

    private Optional<String> index(List<ObjectNode> events, String index) throws IOException {
        if (events.isEmpty()) {
            es.send("POST", "/" + index + "/_refresh", Optional.empty(), "application/json");
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            ObjectNode action = JSON.objectNode();
            action.putObject("index").put("_index", index).put("_id", Integer.toString(i));
            b.append(MAPPER.writeValueAsString(action)).append('\n');
            b.append(MAPPER.writeValueAsString(events.get(i))).append('\n');
        }
        EsClient.Response r = es.ndjson("/_bulk?refresh=true", b.toString());
        if (!r.ok()) {
            return Optional.of("bulk indexing failed: " + EsClient.reason(r));
        }
        if (r.body().path("errors").asBoolean()) {
            for (JsonNode item : r.body().path("items")) {
                JsonNode err = item.path("index").path("error");
                if (!err.isMissingNode()) {
                    int n = item.path("index").path("_id").asInt() + 1;
                    return Optional.of("event " + n + " cannot be indexed: " + err.path("reason").asText());
                }
            }
        }
        return Optional.empty();
    }

    private Outcome search(TestCase tc, Detection d, String index) throws IOException {
        if (d instanceof Detection.Esql e) {
            return esql(tc, e.query(), index);
        }
        if (tc.rule().ir().isPresent()) {
            QueryDsl.Rendered dsl = QueryDsl.render(tc);
            if (dsl.query().isEmpty()) {
                return new Outcome.Skipped("the query has no Query DSL form: " + dsl.problem());
            }
        }
        Optional<ObjectNode> query = query(tc, d);
        if (query.isEmpty()) {
            return new Outcome.Failed("the query cannot be rendered as Query DSL");
        }
        if (d instanceof Detection.NewTerms n) {
            return newTerms(tc, n, query.get(), index);
        }
        if (d instanceof Detection.Threshold t) {
            return threshold(tc, t.threshold(), query.get(), index);
        }
        ObjectNode body = JSON.objectNode();
        body.put("size", 10_000).put("_source", false).put("track_total_hits", true);
        body.set("query", filter(query.get(), range(tc.rule(), tc.from(), tc.to()), index));
        body.putArray("sort").add("_doc");
        EsClient.Response r = es.json("POST", "/" + index + "/_search", body);
        if (!r.ok()) {
            return new Outcome.Failed(EsClient.reason(r));
        }
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode hit : r.body().path("hits").path("hits")) {
            alerts.add(Alert.ofEvent(Integer.parseInt(hit.path("_id").asText())));
        }
        return new Outcome.Alerts(alerts);
    }

    /** The rule's query as DSL (KQL and Sigma through the IR, Lucene as Kibana sends it) with its Kibana filters. */
    private static Optional<ObjectNode> query(TestCase tc, Detection d) {
        TestRule r = tc.rule();
        if (r.ir().isPresent()) {
            return QueryDsl.render(tc).query().map(q -> KibanaFilters.apply(q, d));
        }
        String text = d instanceof Detection.Query q && q.language() == QueryLanguage.LUCENE ? q.query()
                : d instanceof Detection.NewTerms n && n.language() == QueryLanguage.LUCENE ? n.query()
                : d instanceof Detection.Threshold t && t.language() == QueryLanguage.LUCENE ? t.query() : null;
        if (text == null) {
            return Optional.empty();
        }
        ObjectNode q = JSON.objectNode();
        q.putObject("query_string").put("query", text).put("analyze_wildcard", true);
        return Optional.of(KibanaFilters.apply(q, d));
    }

    /** The detection engine's time range on the rule's time field, with its fallback to {@code @timestamp}. */
    static ObjectNode range(TestRule r, Instant from, Instant to) {
        ObjectNode primary = rangeOn(r.timeField(), from, to);
        if (r.timestampOverride().isEmpty() || !r.timestampFallback()) {
            return primary;
        }
        ObjectNode fallback = JSON.objectNode();
        ObjectNode fb = fallback.putObject("bool");
        fb.putArray("filter").add(rangeOn("@timestamp", from, to));
        fb.putArray("must_not").addObject().putObject("exists").put("field", r.timeField());
        ObjectNode or = JSON.objectNode();
        ObjectNode ob = or.putObject("bool");
        ob.putArray("should").add(primary).add(fallback);
        ob.put("minimum_should_match", 1);
        return or;
    }

    private static ObjectNode rangeOn(String field, Instant from, Instant to) {
        ObjectNode n = JSON.objectNode();
        n.putObject("range").putObject(field).put("gte", TimeResolver.iso(from)).put("lte", TimeResolver.iso(to))
                .put("format", "strict_date_optional_time");
        return n;
    }

    private static ObjectNode filter(ObjectNode query, ObjectNode range, String index) {
        ObjectNode q = JSON.objectNode();
        ArrayNode f = q.putObject("bool").putArray("filter");
        if (query != null) {
            f.add(query);
        }
        f.add(range);
        f.addObject().putObject("term").put("_index", index);
        return q;
    }

    private Outcome esql(TestCase tc, String query, String index) throws IOException {
        ObjectNode body = JSON.objectNode();
        body.put("query", query);
        body.set("filter", filter(null, range(tc.rule(), tc.from(), tc.to()), index));
        EsClient.Response r = es.json("POST", "/_query", body);
        if (!r.ok()) {
            return new Outcome.Failed(EsClient.reason(r));
        }
        List<String> cols = new ArrayList<>();
        r.body().path("columns").forEach(c -> cols.add(c.path("name").asText()));
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode row : r.body().path("values")) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                m.put(cols.get(i), row.get(i));
            }
            alerts.add(new Alert(OptionalInt.empty(), m));
        }
        return new Outcome.Alerts(alerts);
    }

    private Outcome newTerms(TestCase tc, Detection.NewTerms n, ObjectNode query, String index) throws IOException {
        TestRule r = tc.rule();
        Instant historyStart = tc.historyStart().orElse(tc.from());
        List<List<JsonNode>> candidates = composite(n.fields(), filter(query, range(r, tc.from(), tc.to()), index),
                index);
        if (candidates == null) {
            return new Outcome.Failed("the new-terms composite aggregation failed");
        }
        Set<String> seen = new HashSet<>();
        if (!candidates.isEmpty() && historyStart.isBefore(tc.from())) {
            ObjectNode hq = filter(query, range(r, historyStart, tc.from().minusMillis(1)), index);
            ArrayNode f = (ArrayNode) hq.path("bool").path("filter");
            for (int i = 0; i < n.fields().size(); i++) {
                ArrayNode values = f.addObject().putObject("terms").putArray(n.fields().get(i));
                Set<String> distinct = new HashSet<>();
                for (List<JsonNode> c : candidates) {
                    if (distinct.add(c.get(i).toString())) {
                        values.add(c.get(i));
                    }
                }
            }
            List<List<JsonNode>> history = composite(n.fields(), hq, index);
            if (history == null) {
                return new Outcome.Failed("the new-terms history aggregation failed");
            }
            history.forEach(h -> seen.add(h.toString()));
        }
        List<Alert> alerts = new ArrayList<>();
        for (List<JsonNode> c : candidates) {
            if (!seen.contains(c.toString())) {
                Map<String, JsonNode> m = new LinkedHashMap<>();
                for (int i = 0; i < c.size(); i++) {
                    m.put(n.fields().get(i), c.get(i));
                }
                alerts.add(new Alert(OptionalInt.empty(), m));
            }
        }
        return new Outcome.Alerts(alerts);
    }

    /** Every value tuple of the fields among the matching events, paging a composite aggregation; null on error. */
    private List<List<JsonNode>> composite(List<String> fields, ObjectNode query, String index) throws IOException {
        List<List<JsonNode>> out = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = JSON.objectNode();
            body.put("size", 0);
            body.set("query", query);
            ObjectNode comp = body.putObject("aggs").putObject("tuples").putObject("composite");
            comp.put("size", PAGE);
            ArrayNode sources = comp.putArray("sources");
            for (int i = 0; i < fields.size(); i++) {
                sources.addObject().putObject("f" + i).putObject("terms").put("field", fields.get(i));
            }
            if (after != null) {
                comp.set("after", after);
            }
            EsClient.Response r = es.json("POST", "/" + index + "/_search", body);
            if (!r.ok()) {
                return null;
            }
            JsonNode agg = r.body().path("aggregations").path("tuples");
            for (JsonNode b : agg.path("buckets")) {
                List<JsonNode> t = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    t.add(b.path("key").path("f" + i));
                }
                out.add(t);
            }
            if (agg.path("buckets").size() < PAGE || agg.path("after_key").isMissingNode()) {
                return out;
            }
            after = agg.path("after_key");
        }
    }

    private Outcome threshold(TestCase tc, ThresholdSpec spec, ObjectNode query, String index) throws IOException {
        ObjectNode body = JSON.objectNode();
        body.put("size", 0).put("track_total_hits", true);
        body.set("query", filter(query, range(tc.rule(), tc.from(), tc.to()), index));
        ObjectNode level = body;
        for (int i = 0; i < spec.fields().size(); i++) {
            ObjectNode agg = level.putObject("aggs").putObject("g" + i);
            agg.putObject("terms").put("field", spec.fields().get(i)).put("size", 10_000)
                    .put("min_doc_count", spec.value());
            level = agg;
        }
        for (ThresholdSpec.Cardinality c : spec.cardinality()) {
            level.withObjectProperty("aggs").putObject("card_" + c.field()).putObject("cardinality").put("field", c.field());
        }
        EsClient.Response r = es.json("POST", "/" + index + "/_search", body);
        if (!r.ok()) {
            return new Outcome.Failed(EsClient.reason(r));
        }
        List<Alert> alerts = new ArrayList<>();
        JsonNode root = r.body().path("aggregations");
        if (spec.fields().isEmpty()) {
            long total = r.body().path("hits").path("total").path("value").asLong();
            Map<String, JsonNode> m = new LinkedHashMap<>();
            m.put("_count", JSON.numberNode(total));
            if (total >= spec.value() && cardinalities(spec, root, m)) {
                alerts.add(new Alert(OptionalInt.empty(), m));
            }
            return new Outcome.Alerts(alerts);
        }
        collect(tc, spec, root, 0, new LinkedHashMap<>(), alerts);
        return new Outcome.Alerts(alerts);
    }

    private void collect(TestCase tc, ThresholdSpec spec, JsonNode aggs, int level, Map<String, JsonNode> group,
                         List<Alert> out) {
        for (JsonNode b : aggs.path("g" + level).path("buckets")) {
            Map<String, JsonNode> g = new LinkedHashMap<>(group);
            String field = spec.fields().get(level);
            JsonNode key = b.path("key");
            if ("boolean".equals(tc.layout().mapping().get(field))) {
                key = JSON.booleanNode(key.asLong() != 0);
            }
            g.put(field, key);
            if (level + 1 < spec.fields().size()) {
                collect(tc, spec, b, level + 1, g, out);
                continue;
            }
            g.put("_count", JSON.numberNode(b.path("doc_count").asLong()));
            if (cardinalities(spec, b, g)) {
                out.add(new Alert(OptionalInt.empty(), g));
            }
        }
    }

    private static boolean cardinalities(ThresholdSpec spec, JsonNode bucket, Map<String, JsonNode> m) {
        boolean ok = true;
        for (ThresholdSpec.Cardinality c : spec.cardinality()) {
            long v = bucket.path("card_" + c.field()).path("value").asLong();
            m.put("cardinality." + c.field(), JSON.numberNode(v));
            ok &= v >= c.value();
        }
        return ok;
    }

}
