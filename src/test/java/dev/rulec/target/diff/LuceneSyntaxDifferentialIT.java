package dev.rulec.target.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.pipeline.Pipeline;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;
import dev.rulec.target.lucene.LuceneRenderer;
import dev.rulec.testsupport.SharedFiles;
import dev.rulec.testsupport.es.EsNode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential test of the Lucene grammar on a real Elasticsearch node: for the Lucene queries rulec writes for SigmaHQ
 * rules (every {@value #STRIDE}th file), mutants of them with syntax errors (unbalanced parentheses, quotes and brackets,
 * dangling and doubled operators, bad escapes, stray special characters), and hand-written edge cases, rulec's verdict
 * (parses or not) must equal the node's ({@code _validate/query} with {@code query_string}, on an index mapping the
 * rules' fields).
 */
class LuceneSyntaxDifferentialIT {
    private static final int STRIDE = 20;
    private static final String INDEX = "rulec-lucene-syntax-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Edge cases of the grammar, valid and not, beyond what the renderer writes. */
    private static final List<String> EDGES = List.of(
            "a AND b OR NOT c", "a && b || !c", "a -c", "+a -b", "a and b", "ANDY &&b a-b a+b", "a + b ! c",
            "title:(quick OR brown)^2", "(a)", "f:\"a \\\"b\\\" c\\\\\"~2^1.5", "\"x\"~", "\"x y\"~3.7^2", "\"\"",
            "f:qu?ck*", "f:a\\ b*", "f:*x\\*", "*:*", "f:\\*", "f:/a\\/b.*[0-9]{2}/", "/joh?n(ath[oa]n)/^3",
            "n:[1 TO 5}", "d:{* TO 2012-01-01]", "s:[\"*\" TO \"a b\\\"c\"]^2", "n:[\\-5 TO TO]", "age:>=10",
            "age:<20", "age:\\>x", "a:>=", "age:(>=10 AND <=20)", "a:>", "a:>x*", "_exists_:user.name",
            "book.\\*:x", "a\\ b\\:c:x", "\\u00e4:x", "f:quikc~1^2", "f:quikc^2~1", ">5~", "a~0.5", "\\AND", "\\u0041",
            "", " ", "a^ 2", "a ^2", "(a)^2", "a:b:c", "NOT NOT a", "--a", "+-a", "a:", "()", "a^", "a^x", "a]", "a}",
            "a/b", "[a TO]", "[a b]", "[a TO b", "a OR OR b", "f:(a", "a\\", "\"a", "/a", "a~1.5", "\\u12",
            "\\u00g1", "a:[1 TO 2] b:{x TO y", "a && || b", "AND a", "a AND", "(a b))", "a~3", "a~2.0", "\"a\"~1.5",
            "a:[\"x\\\\\" TO *] OR b:\"y\"", "a:[\"x\\u005C\" TO *] OR b:\"y\"", "a:[1 TO 2]^x", "a:/[/", "a~0",
            "f:a*~2", "_exists_:", "* ", "? ", "?", "a:?b", "a!b", "a!", "!a", "! a", "- a", "a -", "a +",
            "a\tAND\nb", "a\u3000b", "a:(b:c)", "a:(b OR c:(d))", "=a", "a=b", "a:=b", "a&b", "a|b", "a||b",
            "a&&b", "&&", "||", "a \\u0041ND b", "TO", "a:TO", "a:[TO TO TO]", "\"a\\u0\"", "a:\\u0041*",
            "a:b*\\u12", "a:b*\\u0041", "a:b\\u0041*", "a~AUTO", "a~auto", "a~2.0", "a~x", "\"x\"~abc",
            "a~AUTO:3,6", "a~1f", "a:(b)^0.5", "a:\"b\"^2~3", "a\\:", "\\:a", "{a TO b]", "[* TO *]", "[a TO b]^2~1");

    @Test
    void rulecAndElasticsearchGiveTheSameVerdictOnLuceneQueries() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules");
        EsNode es = EsNode.require();
        List<SigmaRuleIr> rules = new SigmaFrontEnd(PipelineSet.builtIns()).parse(selection(root), new Diagnostics())
                .rules();
        Map<String, String> mapping = new TreeMap<>();
        List<String> rendered = new ArrayList<>();
        for (SigmaRuleIr r : rules) {
            Expr e = r.detection();
            FieldTypes pipelineTypes = r.pipeline().map(Pipeline::fieldTypes).orElse(FieldTypes.unknown());
            Map<String, String> types = TreeFieldTypes.withFlattened(TreeFieldTypes.of(e),
                    r.pipeline().map(Pipeline::types).orElse(Map.of()));
            RenderContext ctx = new RenderContext(SourcePos.startOf(r.origin().file()), r.title(), List.of(INDEX),
                    f -> pipelineTypes.typeOf(f).filter("flattened"::equals).or(() -> Optional.ofNullable(types.get(f))));
            Optional<String> q = new LuceneRenderer().render(e, ctx, new Diagnostics());
            if (q.isPresent()) {
                rendered.add(q.get());
                types.forEach(mapping::putIfAbsent);
            }
        }
        mapping.keySet().removeIf(f -> mapping.keySet().stream().anyMatch(g -> g.startsWith(f + ".")));
        es.createIndex(INDEX, mapping);

        Set<String> queries = new LinkedHashSet<>(EDGES);
        queries.addAll(rendered);
        Random random = new Random(42);
        for (int i = 0; i < rendered.size(); i++) {
            for (int k = 0; k < 2; k++) {
                queries.add(MUTATIONS.get((2 * i + k) % MUTATIONS.size()).apply(rendered.get(i), random));
            }
        }

        int bothOk = 0;
        int bothError = 0;
        List<String> disagreements = new ArrayList<>();
        for (String q : queries) {
            Diagnostics d = new Diagnostics();
            boolean rulecOk = LuceneParser.parse(q, SourcePos.startOf("q"), d).isPresent();
            Optional<String> esError = validate(es, q);
            if (rulecOk == esError.isEmpty()) {
                if (rulecOk) {
                    bothOk++;
                } else {
                    bothError++;
                }
            } else {
                disagreements.add((rulecOk ? "rulec ok, node: " + esError.get() : "node ok, rulec: "
                        + d.all().get(0).format()) + "\n    query: " + q);
            }
        }
        es.deleteIndex(INDEX);
        System.out.printf("lucene syntax differential: %d queries (%d rendered from %d Sigma rules, %d edge cases,"
                        + " %d mutants): %d agree (%d valid, %d invalid), %d disagree%n", queries.size(), rendered.size(),
                rules.size(), EDGES.size(), queries.size() - rendered.size() - EDGES.size(), bothOk + bothError, bothOk,
                bothError, disagreements.size());
        disagreements.forEach(s -> System.out.println("DISAGREE " + s));
        assertEquals(List.of(), disagreements);
    }

    /** The node's reason for refusing the query, if it does. */
    private static Optional<String> validate(EsNode es, String q) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("query").putObject("query_string").put("query", q);
        EsNode.Response r = es.json("POST", "/" + INDEX + "/_validate/query?explain=true", body);
        JsonNode b = r.body();
        if (b.path("valid").asBoolean(false)) {
            return Optional.empty();
        }
        String why = b.path("explanations").path(0).path("error").asText(b.path("error").toString());
        return Optional.of(why.isEmpty() ? r.text() : why);
    }

    /** Ways to break a query, each applied to some of the rendered queries. */
    private static final List<BiFunction<String, Random, String>> MUTATIONS = List.of(
            (q, r) -> q.contains(")") ? removeAt(q, q.lastIndexOf(')')) : q + ")",
            (q, r) -> "(" + q,
            (q, r) -> q.contains("\"") ? removeAt(q, q.lastIndexOf('"')) : insert(q, r, "\""),
            (q, r) -> q.contains("]") ? removeAt(q, q.indexOf(']')) : q + " f:[1 TO",
            (q, r) -> q + " AND",
            (q, r) -> "OR " + q,
            (q, r) -> q.contains(" AND ") ? q.replaceFirst(" AND ", " AND OR ") : q.replaceFirst(" OR ", " OR AND "),
            (q, r) -> q + "\\",
            (q, r) -> q + " x:\\u12zz",
            (q, r) -> q + " abc~1.5",
            (q, r) -> insert(q, r, String.valueOf("/]}:^~!()\"[{".charAt(r.nextInt(12)))),
            (q, r) -> q + "^",
            (q, r) -> q.replaceFirst("NOT ", "NOT NOT "),
            (q, r) -> q.replaceFirst(":", "::"),
            (q, r) -> insert(q, r, "\\"));

    private static String removeAt(String q, int i) {
        return q.substring(0, i) + q.substring(i + 1);
    }

    private static String insert(String q, Random r, String s) {
        int i = r.nextInt(q.length() + 1);
        return q.substring(0, i) + s + q.substring(i);
    }

    private static List<Path> selection(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i += STRIDE) {
                out.add(all.get(i));
            }
            return out;
        }
    }
}
