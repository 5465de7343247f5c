package dev.rulec.target.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.EventGenerator;
import dev.rulec.ir.Expr;
import dev.rulec.testsupport.SchemaTables;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.kql.KqlCorpus;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.lang.kql.KqlTyping;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.es.RequiresElasticsearch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * KQL → Query DSL on a real node, for every KQL query of the detection-rules corpus: events generated from the tree
 * (the IR's {@link EventGenerator} and this test's typed {@link KqlEventGenerator}) are indexed with mappings from
 * ../shared/schemas, then the DSL rendered with field types, the DSL rendered without them (what the detection engine
 * does) and, where the node's own {@code kql} query accepts the text, that query must select exactly the events the
 * in-process {@link Matcher} selects.
 */
@RequiresElasticsearch
class KqlDslDifferentialIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "rulec-kql-dsl-it";
    private static final String CASE = "rulec_case";

    /** One corpus query made ready for the node. */
    private record Case(int n, KqlCorpus.Query q, Expr expr, List<ObjectNode> docs, List<ObjectNode> views) {
    }

    @Test
    void dslAndKibanaKqlAgreeWithTheMatcherOnEveryCorpusQuery(EsNode es) {
        SchemaTables schema = SchemaTables.load();
        Mapping mapping = new Mapping(schema);
        List<KqlCorpus.Query> corpus = KqlCorpus.load();
        List<KqlCorpus.Query> queries = new ArrayList<>();
        List<Expr> trees = new ArrayList<>();
        int notParsed = 0;
        for (KqlCorpus.Query q : corpus) {
            Optional<Expr> parsed = KqlParser.parse(q.text(), q.start(), schema, schema.names(), new Diagnostics());
            if (parsed.isEmpty()) {
                notParsed++;
                continue;
            }
            Expr e = KqlTyping.refine(parsed.get(), schema, f -> f.endsWith(".caseless"));
            mapping.addFields(e); // all fields first: a field's type must not change after events are made for it
            queries.add(q);
            trees.add(e);
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            cases.add(prepare(i, queries.get(i), trees.get(i), mapping));
        }
        es.request("DELETE", "/" + INDEX, Optional.empty());
        es.put("/" + INDEX, mapping.indexBody());
        index(es, cases);

        TextAnalysisModel text = new TextAnalysisModel(es, INDEX, f -> mapping.effectiveType(f).equals("text"));
        Tally typed = new Tally("DSL with field types");
        Tally untyped = new Tally("DSL without field types (as the detection engine sends it)");
        Tally kql = new Tally("Elasticsearch kql query on the rule's text");
        Tally rekql = new Tally("Elasticsearch kql query on rulec's KQL rendering without value lists");
        int events = 0;
        for (Case c : cases) {
            events += c.docs().size();
            Matcher m = Matcher.compile(c.expr());
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < c.views().size(); i++) {
                if (m.matches(c.views().get(i))) {
                    expected.add(id(c, i));
                }
            }
            RenderContext ctx = new RenderContext(c.q().start(), c.q().name(), List.of(), schemaTypes(schema));
            Map<String, Set<String>> models = new LinkedHashMap<>();
            if (mapping.analyzedField(c.expr()).isPresent()) {
                models.put(TEXT, verdicts(text.model(c.expr()), c, text));
            }
            Map<String, Set<String>> kqlModels = new LinkedHashMap<>(models);
            if (EsKqlEscapeDefect.affects(c.expr())) {
                Expr defect = EsKqlEscapeDefect.model(c.expr());
                kqlModels.put(DEFECT, verdicts(defect, c, null));
                if (!models.isEmpty()) {
                    kqlModels.put(DEFECT + "; " + TEXT, verdicts(text.model(defect), c, text));
                }
            }
            compare(es, c, expected, new DslRenderer().render(c.expr(), ctx, new Diagnostics()), typed, models);
            RenderContext bare = new RenderContext(c.q().start(), c.q().name(), List.of(), FieldTypes.unknown());
            compare(es, c, expected, new DslRenderer().render(c.expr(), bare, new Diagnostics()), untyped, models);
            Optional<String> rendered = new dev.rulec.target.kql.KqlRenderer(false).render(c.expr(), bare,
                    new Diagnostics());
            Optional<ObjectNode> reQuery = rendered.map(q -> {
                ObjectNode o = JSON.createObjectNode();
                o.putObject("kql").put("query", q);
                return o;
            });
            compare(es, c, expected, reQuery, rekql, kqlModels);
            ObjectNode kqlQuery = JSON.createObjectNode();
            kqlQuery.putObject("kql").put("query", c.q().text());
            compare(es, c, expected, Optional.of(kqlQuery), kql, kqlModels);
        }
        System.out.printf("KQL→DSL differential: %d corpus queries, %d not parsed (field-name patterns no schema table matches), "
                + "%d compared on %d "
                + "events%n", corpus.size(), notParsed, cases.size(), events);
        for (Tally t : List.of(typed, untyped, kql, rekql)) {
            t.print();
        }
        assertEquals(List.of(), typed.disagreements, "DSL with field types");
        assertEquals(List.of(), untyped.disagreements, "DSL without field types");
        assertEquals(List.of(), kql.disagreements, "ES kql query, where it accepts the query");
        assertEquals(List.of(), rekql.disagreements, "ES kql query on rulec's rendering, where it accepts it");
    }

    private static FieldTypes schemaTypes(SchemaTables schema) {
        return schema;
    }

    private static Case prepare(int n, KqlCorpus.Query q, Expr e, Mapping mapping) {
        mapping.addFields(e);
        Map<String, ObjectNode> unique = new LinkedHashMap<>();
        EventGenerator.Events gen = EventGenerator.generate(e, n, 12);
        gen.positives().forEach(d -> unique.putIfAbsent(d.toString(), d));
        gen.negatives().forEach(d -> unique.putIfAbsent(d.toString(), d));
        KqlEventGenerator typed = new KqlEventGenerator(mapping::effectiveType, mapping::isCaseless, n);
        for (Map<String, Object> ev : typed.generate(e, 16)) {
            ObjectNode d = JSON.valueToTree(ev);
            unique.putIfAbsent(d.toString(), d);
        }
        List<ObjectNode> docs = new ArrayList<>();
        List<ObjectNode> views = new ArrayList<>();
        for (ObjectNode d : unique.values()) {
            ObjectNode doc = mapping.toDocument(d);
            doc.put(CASE, n);
            docs.add(doc);
            views.add(mapping.matcherView(doc));
        }
        return new Case(n, q, e, docs, views);
    }

    private static void index(EsNode es, List<Case> cases) {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        for (Case c : cases) {
            for (int i = 0; i < c.docs().size(); i++) {
                sb.append("{\"index\":{\"_id\":\"").append(id(c, i)).append("\"}}\n").append(c.docs().get(i)).append('\n');
                if (++lines % 2000 == 0) {
                    es.bulk("/" + INDEX + "/_bulk", sb.toString());
                    sb.setLength(0);
                }
            }
        }
        if (sb.length() > 0) {
            es.bulk("/" + INDEX + "/_bulk", sb.toString());
        }
        es.request("POST", "/" + INDEX + "/_refresh", Optional.empty());
    }

    private static String id(Case c, int i) {
        return c.n() + "-" + i;
    }

    /** The matcher's verdicts for a model of the node's behaviour (views analyzed when {@code text} is given). */
    private static Set<String> verdicts(Expr model, Case c, TextAnalysisModel text) {
        Matcher m = Matcher.compile(model);
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < c.views().size(); i++) {
            if (m.matches(text == null ? c.views().get(i) : text.view(c.views().get(i)))) {
                ids.add(id(c, i));
            }
        }
        return ids;
    }

    private static final String TEXT = "text fields are analyzed (standard analyzer: match_phrase on tokens, "
            + "query_string wildcards per lower-cased token); the node equals the matcher on that model, with tokens "
            + "from the node's _analyze";

    private static final String DEFECT = "Elasticsearch's kql query matches nothing for an unquoted wildcard value "
            + "with an escaped character (f:a\\:b* misses a:b on 8.19.21); the node equals the matcher on that model";

    private static void compare(EsNode es, Case c, Set<String> expected, Optional<ObjectNode> query, Tally t,
                                Map<String, Set<String>> models) {
        if (query.isEmpty()) {
            t.notRendered.add(c.q().name());
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("size", 10_000);
        body.put("_source", false);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put(CASE, c.n());
        filter.add(query.get());
        EsNode.Response r = es.request("POST", "/" + INDEX + "/_search", Optional.of(body));
        if (!r.ok()) {
            t.rejected.merge(reason(r.body()), 1, Integer::sum);
            return;
        }
        Set<String> got = new TreeSet<>();
        r.body().path("hits").path("hits").forEach(h -> got.add(h.path("_id").asText()));
        t.compared++;
        t.matchedEvents += got.size();
        if (!got.equals(expected)) {
            Set<String> onlyEs = new TreeSet<>(got);
            onlyEs.removeAll(expected);
            Set<String> onlyMatcher = new TreeSet<>(expected);
            onlyMatcher.removeAll(got);
            String line = c.q().name() + ": only ES " + sample(c, onlyEs) + "; only matcher " + sample(c, onlyMatcher);
            Optional<String> model = models.entrySet().stream().filter(m -> m.getValue().equals(got))
                    .map(Map.Entry::getKey).findFirst();
            if (model.isPresent()) {
                t.explained.computeIfAbsent(model.get(), k -> new ArrayList<>()).add(line);
            } else {
                t.disagreements.add(line + "\n      query: " + query.get());
            }
        }
    }

    private static String sample(Case c, Set<String> ids) {
        if (ids.isEmpty()) {
            return "[]";
        }
        String first = ids.iterator().next();
        int i = Integer.parseInt(first.substring(first.indexOf('-') + 1));
        return ids.size() + " e.g. " + c.docs().get(i);
    }

    private static String reason(JsonNode body) {
        JsonNode err = body.path("error");
        String type = err.path("root_cause").path(0).path("type").asText(err.path("type").asText());
        String reason = err.path("root_cause").path(0).path("reason").asText("");
        return type + ": " + reason.replaceAll("line \\d+:\\d+", "line L:C").replaceAll("\\[[^\\]]{30,}\\]", "[…]");
    }

    /** Counts per way of querying. */
    private static final class Tally {
        final String name;
        int compared;
        int matchedEvents;
        final List<String> disagreements = new ArrayList<>();
        final List<String> notRendered = new ArrayList<>();
        final Map<String, Integer> rejected = new TreeMap<>();
        final Map<String, List<String>> explained = new TreeMap<>();

        Tally(String name) {
            this.name = name;
        }

        void print() {
            int known = explained.values().stream().mapToInt(List::size).sum();
            System.out.printf("  %s: %d compared, %d agree, %d disagree (%d explained), %d events selected; "
                            + "%d not rendered; %d rejected by the node%n", name, compared,
                    compared - disagreements.size() - known, disagreements.size() + known, known, matchedEvents,
                    notRendered.size(), rejected.values().stream().mapToInt(Integer::intValue).sum());
            explained.forEach((k, v) -> {
                System.out.println("    explained " + v.size() + "× " + k);
                v.forEach(x -> System.out.println("      " + x));
            });
            rejected.forEach((k, v) -> System.out.println("    rejected " + v + "× " + k));
            disagreements.forEach(d -> System.out.println("    DISAGREE " + d));
        }
    }
}
