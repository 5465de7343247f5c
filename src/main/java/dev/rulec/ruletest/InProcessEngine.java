package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.esql.EsqlParser;
import dev.rulec.model.Detection;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.ThresholdSpec;
import dev.rulec.ruletest.esql.DocValues;
import dev.rulec.ruletest.esql.EsqlInterpreter;
import dev.rulec.ruletest.esql.EsqlResult;
import dev.rulec.ruletest.esql.EsqlRuntimeException;
import dev.rulec.ruletest.esql.IndexCheck;
import dev.rulec.ruletest.esql.NeedsClusterException;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Evaluates rules without a server: KQL and Sigma queries through the IR {@link Matcher}, new terms (first seen over
 * the history window), threshold (group counts and cardinality), and ES|QL through {@link EsqlInterpreter}; Lucene
 * queries through the IR where their meaning is exact ({@link LuceneInProcess}). EQL, ES|QL outside the interpreted
 * subset, Lucene beyond the IR, and rules with Kibana filters (TOML; a Sigma rule's filters are part of its IR) are
 * skipped as "needs a cluster (--es)".
 */
public final class InProcessEngine implements Engine {

    public static final String NEEDS_CLUSTER = "needs a cluster (--es)";
    public static final String ML = "machine_learning rules need the ML job";

    @Override
    public String description() {
        return "in process";
    }

    @Override
    public Outcome run(TestCase given) {
        TestCase tc = given;
        Detection d = tc.rule().detection();
        if (d instanceof Detection.MachineLearning) {
            return new Outcome.Skipped(ML);
        }
        if (d instanceof Detection.Eql) {
            return new Outcome.Skipped(NEEDS_CLUSTER + ": EQL is not evaluated in process");
        }
        if (d instanceof Detection.ThreatMatch || d instanceof Detection.SavedQuery) {
            return new Outcome.Skipped(NEEDS_CLUSTER + ": " + d.typeName() + " rules are not evaluated in process");
        }
        if (!KibanaFilters.active(d).isEmpty()) {
            return new Outcome.Skipped(NEEDS_CLUSTER + ": Kibana filters (Query DSL) are not evaluated in process");
        }
        Optional<String> lucene = LuceneInProcess.query(d);
        if (lucene.isPresent() && tc.rule().ir().isEmpty()) {
            LuceneInProcess.Prepared p = LuceneInProcess.prepare(tc, lucene.get());
            if (p.outcome().isPresent()) {
                return p.outcome().get();
            }
            tc = p.ready().orElseThrow();
        }
        IndexCheck check = new IndexCheck(tc.layout().mapping());
        for (int i = 0; i < tc.events().size(); i++) {
            Optional<String> bad = check.add(tc.events().get(i));
            if (bad.isPresent()) {
                return new Outcome.Failed("event " + (i + 1) + " cannot be indexed: " + bad.get());
            }
        }
        List<ObjectNode> indexed = new ArrayList<>();
        tc.events().forEach(e -> indexed.add(check.indexed(e)));
        try {
            if (d instanceof Detection.Esql e) {
                return esql(tc, e);
            }
            if (tc.rule().ir().isEmpty()) {
                return new Outcome.Skipped(NEEDS_CLUSTER + ": " + languageOf(d) + " queries are not parsed in process");
            }
            QueryDsl.Rendered dsl = QueryDsl.render(tc);
            if (dsl.query().isEmpty()) {
                return new Outcome.Skipped("the query has no Query DSL form: " + dsl.problem());
            }
            Optional<String> refused = QueryDsl.refusal(dsl.query().get(), tc.layout().mapping());
            if (refused.isPresent()) {
                return new Outcome.Failed(refused.get());
            }
            Matcher m = Matcher.compile(tc.rule().ir().get());
            if (d instanceof Detection.NewTerms n) {
                return newTerms(tc, m, n, indexed);
            }
            if (d instanceof Detection.Threshold t) {
                return threshold(tc, m, t.threshold(), indexed);
            }
            List<Alert> alerts = new ArrayList<>();
            for (int i = 0; i < tc.events().size(); i++) {
                ObjectNode ev = tc.events().get(i);
                if (inRange(tc, ev, tc.from(), tc.to()) && m.matches(indexed.get(i))) {
                    alerts.add(Alert.ofEvent(i));
                }
            }
            return new Outcome.Alerts(alerts);
        } catch (NeedsClusterException e) {
            return new Outcome.Skipped(NEEDS_CLUSTER + ": " + e.getMessage() + " is outside the interpreted subset");
        } catch (EsqlRuntimeException e) {
            return new Outcome.Failed(e.getMessage());
        }
    }

    private static String languageOf(Detection d) {
        QueryLanguage l = d instanceof Detection.Query q ? q.language()
                : d instanceof Detection.NewTerms n ? n.language()
                : d instanceof Detection.Threshold t ? t.language() : QueryLanguage.LUCENE;
        return l == QueryLanguage.LUCENE ? "Lucene" : l.wireName();
    }

    /** Whether the event's time (the override field, or {@code @timestamp} as fallback) is in [from, to]. */
    static boolean inRange(TestCase tc, ObjectNode ev, Instant from, Instant to) {
        TestRule r = tc.rule();
        List<Instant> times = DocValues.dates(ev, r.timeField());
        if (times.isEmpty() && r.timestampOverride().isPresent() && r.timestampFallback()
                && !DocValues.fields(ev).containsKey(r.timeField())) {
            times = DocValues.dates(ev, "@timestamp");
        }
        for (Instant t : times) {
            if (!t.isBefore(from) && !t.isAfter(to)) {
                return true;
            }
        }
        return false;
    }

    private Outcome newTerms(TestCase tc, Matcher m, Detection.NewTerms n, List<ObjectNode> indexed) {
        Instant historyStart = tc.historyStart().orElse(tc.from());
        Set<List<JsonNode>> candidates = new java.util.LinkedHashSet<>();
        Set<List<JsonNode>> seen = new HashSet<>();
        for (int i = 0; i < tc.events().size(); i++) {
            ObjectNode ev = tc.events().get(i);
            boolean inRule = inRange(tc, ev, tc.from(), tc.to());
            boolean inHistory = inRange(tc, ev, historyStart, tc.from().minusMillis(1));
            if ((!inRule && !inHistory) || !m.matches(indexed.get(i))) {
                continue;
            }
            for (List<JsonNode> tuple : tuples(ev, n.fields(), tc.layout().mapping())) {
                if (inRule) {
                    candidates.add(tuple);
                }
                if (inHistory) {
                    seen.add(tuple);
                }
            }
        }
        List<Alert> alerts = new ArrayList<>();
        for (List<JsonNode> t : candidates) {
            if (!seen.contains(t)) {
                Map<String, JsonNode> f = new LinkedHashMap<>();
                for (int i = 0; i < t.size(); i++) {
                    f.put(n.fields().get(i), t.get(i));
                }
                alerts.add(new Alert(OptionalInt.empty(), f));
            }
        }
        return new Outcome.Alerts(alerts);
    }

    /** Every combination of the fields' values (none when a field is missing), as a composite aggregation gives. */
    static List<List<JsonNode>> tuples(ObjectNode ev, List<String> fields, Map<String, String> mapping) {
        List<List<JsonNode>> out = new ArrayList<>();
        out.add(List.of());
        for (String f : fields) {
            List<JsonNode> vals = DocValues.keys(ev, f, mapping);
            List<List<JsonNode>> next = new ArrayList<>();
            for (List<JsonNode> prefix : out) {
                for (JsonNode v : vals) {
                    List<JsonNode> t = new ArrayList<>(prefix);
                    t.add(v);
                    next.add(t);
                }
            }
            out = next;
        }
        return out;
    }

    private Outcome threshold(TestCase tc, Matcher m, ThresholdSpec spec, List<ObjectNode> indexed) {
        Map<List<JsonNode>, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (int i = 0; i < tc.events().size(); i++) {
            ObjectNode ev = tc.events().get(i);
            if (inRange(tc, ev, tc.from(), tc.to()) && m.matches(indexed.get(i))) {
                for (List<JsonNode> t : new java.util.LinkedHashSet<>(tuples(ev, spec.fields(), tc.layout().mapping()))) {
                    groups.computeIfAbsent(t, k -> new ArrayList<>()).add(ev);
                }
            }
        }
        List<Alert> alerts = new ArrayList<>();
        for (Map.Entry<List<JsonNode>, List<ObjectNode>> g : groups.entrySet()) {
            if (g.getValue().size() < spec.value()) {
                continue;
            }
            Map<String, JsonNode> f = new LinkedHashMap<>();
            for (int i = 0; i < spec.fields().size(); i++) {
                f.put(spec.fields().get(i), g.getKey().get(i));
            }
            f.put("_count", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(g.getValue().size()));
            boolean ok = true;
            for (ThresholdSpec.Cardinality c : spec.cardinality()) {
                Set<JsonNode> distinct = new HashSet<>();
                for (ObjectNode ev : g.getValue()) {
                    distinct.addAll(DocValues.keys(ev, c.field(), tc.layout().mapping()));
                }
                f.put("cardinality." + c.field(),
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(distinct.size()));
                ok &= distinct.size() >= c.value();
            }
            if (ok) {
                alerts.add(new Alert(OptionalInt.empty(), f));
            }
        }
        return new Outcome.Alerts(alerts);
    }

    private Outcome esql(TestCase tc, Detection.Esql e) {
        EsqlParser.Result parsed = EsqlParser.parse(e.query());
        if (parsed.query().isEmpty() || !parsed.problems().isEmpty() && !parsed.ok()) {
            return new Outcome.Failed("the ES|QL query does not parse: " + parsed.problems());
        }
        List<Map.Entry<String, ObjectNode>> docs = new ArrayList<>();
        for (int i = 0; i < tc.events().size(); i++) {
            ObjectNode ev = tc.events().get(i);
            if (inRange(tc, ev, tc.from(), tc.to())) {
                docs.add(new AbstractMap.SimpleImmutableEntry<>(Integer.toString(i), ev));
            }
        }
        EsqlResult r = new EsqlInterpreter(tc.now()).run(parsed.query().get(), tc.layout().name(), docs,
                tc.layout().mapping());
        return new Outcome.Alerts(rowsToAlerts(r.rows()));
    }

    static List<Alert> rowsToAlerts(List<Map<String, JsonNode>> rows) {
        List<Alert> alerts = new ArrayList<>();
        for (Map<String, JsonNode> row : rows) {
            alerts.add(new Alert(OptionalInt.empty(), row));
        }
        return alerts;
    }
}
