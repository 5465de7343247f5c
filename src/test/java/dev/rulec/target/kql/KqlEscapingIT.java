package dev.rulec.target.kql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Matcher;
import dev.rulec.ir.Pattern;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;
import dev.rulec.target.dsl.DslRenderer;
import dev.rulec.testsupport.es.EsNode;
import dev.rulec.testsupport.RequiresEsNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * KQL and Query DSL escaping on a real node: random values full of KQL's special characters, keywords, quotes,
 * backslashes, whitespace and non-ASCII text are matched exactly and with wildcards; the node's answer to the rendered
 * KQL (its {@code kql} query, for quoted literals) and to the rendered DSL (keyword typed: term/wildcard; untyped:
 * match_phrase/query_string, as the detection engine sends it) must equal the in-process matcher's.
 */
@AddLifecycleHook(RequiresEsNode.class)
class KqlEscapingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "rulec-kql-escaping-it";
    private static final AtomicInteger TRY = new AtomicInteger();
    private static final SourcePos POS = SourcePos.startOf("escaping");
    private static volatile EsNode node;

    private static synchronized EsNode node() {
        if (node == null) {
            EsNode n = EsNode.require();
            n.createIndex(INDEX, Map.of("f", "keyword", "try", "keyword"));
            node = n;
        }
        return node;
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> random = Arbitraries.strings()
                .withChars("aAzZ09_\"'\\*?:/(){}<>[]^~!&|+-=#@., \tñЖ中")
                .ofMinLength(1).ofMaxLength(10);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, random),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("or", "AND", "not", "a or b", "x and y", "not z", "*", "\\",
                        "\"", "\\\"", "a:b", "C:\\Windows\\temp", "\\n", "(x)", "{y}", "true", "null", "200")));
    }

    @Property(tries = 80, seed = "20261123")
    void renderedKqlAndDslAgreeWithTheMatcher(@ForAll("values") String value) {
        EsNode es = node();
        String tryId = "t" + TRY.incrementAndGet();
        List<JsonNode> docs = new ArrayList<>();
        for (String v : variants(value)) {
            docs.add(JSON.createObjectNode().put("try", tryId).put("f", v));
        }
        docs.add(JSON.createObjectNode().put("try", tryId));
        assertEquals(Map.of(), es.bulk(INDEX, tryId + "-", docs));
        for (Map.Entry<String, Expr> c : cases(value).entrySet()) {
            Set<String> expected = expected(c.getValue(), docs, tryId);
            RenderContext typed = new RenderContext(POS, "esc", List.of(), f -> Optional.of("keyword"));
            RenderContext untyped = new RenderContext(POS, "esc", List.of(), FieldTypes.unknown());
            for (RenderContext ctx : List.of(typed, untyped)) {
                ObjectNode dsl = new DslRenderer().render(c.getValue(), ctx, new Diagnostics()).orElseThrow();
                assertEquals(expected, search(es, tryId, dsl), c.getKey() + (ctx == typed ? " typed DSL " : " DSL ")
                        + dsl + " for " + value);
            }
            if (c.getKey().startsWith("exact")) {
                String kql = new KqlRenderer().render(c.getValue(), typed, new Diagnostics()).orElseThrow();
                ObjectNode q = JSON.createObjectNode();
                q.putObject("kql").put("query", kql);
                assertEquals(expected, search(es, tryId, q), c.getKey() + " KQL " + kql + " for " + value);
            }
        }
    }

    private static List<String> variants(String v) {
        Set<String> out = new LinkedHashSet<>();
        out.add(v);
        out.add(v.toUpperCase(Locale.ROOT));
        out.add("x" + v);
        out.add(v + "x");
        out.add(v + " " + v);
        out.add("");
        if (v.length() > 1) {
            out.add(v.substring(1));
            out.add(v.charAt(0) + "\\" + v.substring(1));
        }
        return new ArrayList<>(out);
    }

    private static Map<String, Expr> cases(String v) {
        Map<String, Expr> out = new LinkedHashMap<>();
        Pattern.Text t = new Pattern.Text(v);
        out.put("exact", new Expr.Match("f", Literal.string(v), CaseMode.SENSITIVE));
        out.put("exact-negated", Expr.not(new Expr.Match("f", Literal.string(v), CaseMode.SENSITIVE)));
        out.put("contains", new Expr.Match("f", new Literal.Str(Pattern.of(Pattern.ANY_STRING, t, Pattern.ANY_STRING)),
                CaseMode.SENSITIVE));
        out.put("startswith", new Expr.Match("f", new Literal.Str(Pattern.of(t, Pattern.ANY_STRING)), CaseMode.SENSITIVE));
        out.put("endswith", new Expr.Match("f", new Literal.Str(Pattern.of(Pattern.ANY_STRING, t)), CaseMode.SENSITIVE));
        return out;
    }

    private static Set<String> expected(Expr e, List<JsonNode> docs, String tryId) {
        Matcher m = Matcher.compile(e);
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < docs.size(); i++) {
            ObjectNode view = ((ObjectNode) docs.get(i)).deepCopy();
            view.remove("try");
            if (m.matches(view)) {
                ids.add(tryId + "-" + i);
            }
        }
        return ids;
    }

    private static Set<String> search(EsNode es, String tryId, ObjectNode query) {
        ObjectNode body = JSON.createObjectNode().put("size", 100);
        var filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("try", tryId);
        filter.add(query);
        EsNode.Response r = es.json("POST", "/" + INDEX + "/_search", body);
        if (!r.ok()) {
            throw new AssertionError("node rejected " + query + ": " + r.body());
        }
        Set<String> ids = new TreeSet<>();
        r.body().path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }
}
