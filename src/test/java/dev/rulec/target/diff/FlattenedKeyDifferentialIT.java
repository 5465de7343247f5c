package dev.rulec.target.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.EventGenerator;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Matcher;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.esql.EsqlParser;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.ruletest.esql.EsqlInterpreter;
import dev.rulec.ruletest.esql.EsqlResult;
import dev.rulec.target.RenderContext;
import dev.rulec.target.dsl.DslRenderer;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
import dev.rulec.testsupport.es.EsNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Predicates on the keys of a {@code flattened} field, with generated values (quotes, backslashes, wildcard
 * characters, spaces, query_string syntax, operator words, non-ASCII letters, the Kelvin sign): the ES|QL query
 * ({@code QSTR} holding query_string text inside an ES|QL string, two layers of escaping), the Lucene query and the
 * in-process matcher must select the same events on a real node, and so must the KQL query wherever it raises no
 * case-sensitivity warning; so must the ES|QL query run by {@code rulec test}'s in-process interpreter (its {@code QSTR}
 * through rulec's Lucene grammar and the IR). Each case's events carry a case id, so one index
 * holds them all; the events include the value under a sibling key (a query must not leak to other keys) and as one
 * value of an array.
 */
class FlattenedKeyDifferentialIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "rulec-flattened-it";
    private static final String KEY = "fl.req.userName";
    private static final String SIBLING = "fl.req.other";
    private static final String PLAIN = "plain.name";
    private static final String CASE = "case_id";
    private static final String[] PIECES = {"a", "B", "k", "\u212a", "é", "É", "ß", "\"", "\\", "*", "?", " ", ":",
            "(", ")", "<", ">", "/", "~", "AND", "OR", "0", "7", "-", "+", "!", "{", "[", "ж", "\u00a0"};
    private static final int CASES = 160;

    @Test
    void esqlLuceneAndMatcherAgreeOnFlattenedKeys() {
        EsNode es = EsNode.require();
        Random rnd = new Random(20261123);
        Map<String, String> mapping = Map.of("fl.req", "flattened", PLAIN, "keyword", CASE, "keyword");
        RenderContext ctx = new RenderContext(SourcePos.startOf("flattened.yml"), "flattened", List.of(INDEX),
                f -> f.startsWith("fl.req.") ? Optional.of("flattened") : Optional.ofNullable(mapping.get(f)));

        List<Expr> exprs = new ArrayList<>();
        List<List<ObjectNode>> docsByCase = new ArrayList<>();
        List<ObjectNode> all = new ArrayList<>();
        int refused = 0;
        while (exprs.size() < CASES) {
            Expr e = expr(rnd);
            Diagnostics d = new Diagnostics();
            if (new EsqlRenderer().render(e, ctx, d).isEmpty()) {
                refused++; // more spellings than the limit; the reason is asserted in the unit tests
                assertTrue(d.all().get(0).message().contains("spellings"), d.all().get(0).message());
                continue;
            }
            String id = "c" + exprs.size();
            List<ObjectNode> docs = new ArrayList<>();
            EventGenerator.Events ev = EventGenerator.generate(e, rnd.nextLong(), 10);
            docs.addAll(ev.positives());
            docs.addAll(ev.negatives());
            for (ObjectNode p : ev.positives()) {
                if (p.has(KEY)) {
                    docs.add(JSON.createObjectNode().set(SIBLING, p.get(KEY))); // the value under another key
                    ObjectNode arr = JSON.createObjectNode();
                    arr.putArray(KEY).add("zz").add(p.get(KEY));            // one value of several
                    docs.add(arr);
                }
            }
            docs.forEach(doc -> doc.put(CASE, id));
            exprs.add(e);
            docsByCase.add(docs);
            all.addAll(docs);
        }
        es.createIndex(INDEX, mapping);
        Map<String, String> errors = es.bulk(INDEX, "d", all);
        assertEquals(Map.of(), errors, "every generated event is indexable");

        List<String> disagreements = new ArrayList<>();
        int offset = 0;
        int events = 0;
        int kqlCompared = 0;
        for (int c = 0; c < exprs.size(); c++) {
            Expr e = exprs.get(c);
            List<ObjectNode> docs = docsByCase.get(c);
            Matcher m = Matcher.compile(e);
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < docs.size(); i++) {
                if (m.matches(docs.get(i))) {
                    expected.add("d" + (offset + i));
                }
            }
            offset += docs.size();
            events += docs.size();
            String esql = new EsqlRenderer().render(e, ctx, new Diagnostics()).orElseThrow();
            String lucene = LuceneRenderer.query(e, ctx, new Diagnostics(), "lucene.untranslatable", "Lucene").orElseThrow();
            String esqlCase = esql + "\n| WHERE " + CASE + " == \"c" + c + "\"\n| KEEP _id | LIMIT 10000";
            EsNode.Hits eh = es.esql(esqlCase);
            Set<String> inProcess = inProcess(esqlCase, docs, offset - docs.size(), mapping);
            EsNode.Hits lh = es.queryString(INDEX, "(" + lucene + ") AND " + CASE + ":c" + c);
            // KQL, run the way Kibana translates it (parsed back, then rulec's Kibana-equivalent DSL, itself checked by
            // KqlDslDifferentialIT); compared only where KQL promised the matcher's case-insensitivity (no warning).
            Diagnostics kd = new Diagnostics();
            String kql = new KqlRenderer().render(e, ctx, kd).orElse("");
            if (kql.isEmpty()) {
                // a prefix with blanks at its ends: Kibana trims unquoted values, so KQL refuses it (unit-tested)
                assertTrue(kd.all().get(0).message().contains("trims whitespace"), kd.all().toString());
            }
            Optional<Set<String>> kqlIds = Optional.empty();
            if (kd.all().isEmpty()) {
                kqlCompared++;
                Expr parsed = KqlParser.parse(kql, ctx.pos(), ctx.fieldTypes(), Set.of(KEY, SIBLING, PLAIN, CASE),
                        new Diagnostics()).orElseThrow(() -> new AssertionError("KQL does not parse: " + kql));
                EsNode.Hits kh = es.search(INDEX, new DslRenderer().render(Expr.and(parsed,
                        new Expr.Match(CASE, Literal.string("c" + c), CaseMode.SENSITIVE)), ctx, new Diagnostics()).orElseThrow());
                kqlIds = Optional.of(kh.error().isPresent() ? Set.of("error: " + kh.error().get()) : new TreeSet<>(kh.ids()));
            }
            if (eh.error().isPresent() || lh.error().isPresent() || !expected.equals(new TreeSet<>(eh.ids()))
                    || !expected.equals(inProcess)
                    || !expected.equals(new TreeSet<>(lh.ids())) || kqlIds.filter(k -> !k.equals(expected)).isPresent()) {
                disagreements.add("case c" + c + "\n  matcher " + expected + "\n  esql    " + new TreeSet<>(eh.ids()) + " "
                        + eh.error().orElse("") + "\n  in-process ES|QL " + inProcess + "\n  lucene  " + new TreeSet<>(lh.ids()) + " " + lh.error().orElse("")
                        + "\n  kql     " + kqlIds.map(Object::toString).orElse("(not compared)")
                        + "\n  ES|QL:  " + esql.replace("\n", " ") + "\n  Lucene: " + lucene + "\n  KQL:    " + kql
                        + "\n  docs: " + docs);
            }
        }
        es.deleteIndex(INDEX);
        System.out.printf("flattened keys: %d cases (ES|QL also in process; %d also through KQL), %d events, %d values refused (too many"
                + " spellings), %d disagreements%n", exprs.size(), kqlCompared, events, refused, disagreements.size());
        disagreements.forEach(s -> System.out.println("DISAGREE " + s));
        assertEquals(List.of(), disagreements);
    }

    /** The ids rulec test's in-process ES|QL interpreter selects (QSTR through the Lucene grammar and the IR). */
    private static Set<String> inProcess(String esql, List<ObjectNode> docs, int firstId, Map<String, String> mapping) {
        List<Map.Entry<String, ObjectNode>> entries = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>("d" + (firstId + i), docs.get(i)));
        }
        EsqlResult r = new EsqlInterpreter(Instant.now()).run(EsqlParser.parse(esql).query().orElseThrow(), INDEX,
                entries, mapping);
        Set<String> ids = new TreeSet<>();
        r.rows().forEach(row -> ids.add(row.get("_id").asText()));
        return ids;
    }

    private static String value(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static Expr leaf(Random rnd) {
        CaseMode mode = rnd.nextInt(3) == 0 ? CaseMode.SENSITIVE : CaseMode.INSENSITIVE;
        String v = value(rnd);
        switch (rnd.nextInt(5)) {
            case 0:
                return new Expr.Exists(KEY);
            case 1:
                return new Expr.Match(KEY, new Literal.Str(Pattern.of(new Pattern.Text(v), Pattern.ANY_STRING)), mode);
            case 2:
                return new Expr.Match(PLAIN, Literal.string(v), mode);
            default:
                return new Expr.Match(KEY, Literal.string(v), mode);
        }
    }

    /** A leaf on the key, alone, negated, or combined with another leaf under AND / OR (a column beside QSTR). */
    private static Expr expr(Random rnd) {
        Expr a = leaf(rnd);
        switch (rnd.nextInt(5)) {
            case 0:
                return Expr.not(a);
            case 1:
                return Expr.and(a, leaf(rnd));
            case 2:
                return Expr.or(a, leaf(rnd));
            case 3:
                return Expr.not(Expr.or(a, leaf(rnd)));
            default:
                return a;
        }
    }
}
