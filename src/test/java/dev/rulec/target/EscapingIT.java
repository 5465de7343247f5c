package dev.rulec.target;

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
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Escaping, checked on a real Elasticsearch node: random values full of quotes, backslashes, wildcard and operator
 * characters, whitespace and non-ASCII letters are matched exactly, with prefix/suffix/contains/one-char wildcards,
 * as a regular expression and as a field-less keyword, case-sensitively and not, and negated; the ES|QL query, the
 * Lucene query and the in-process matcher must select the same documents.
 */
@AddLifecycleHook(RequiresEsNode.class)
class EscapingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "rulec-escaping-it";
    private static final AtomicInteger TRY = new AtomicInteger();
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
                .withChars("aAbBzZkK09_\"'\\*?`:/()[]{}^~!&|+-=<>#@.,;%$ \t\néÉßẞñЖж中ǅǆǄK")
                .ofMinLength(1).ofMaxLength(10)
                .map(s -> s.replace("%", "😀")); // a supplementary character, added whole (withChars takes UTF-16 units)
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, random),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("AND", "OR", "NOT", "TO", "and", "*", "?", "\\", "\"", " ", "a b", "/x/",
                        "C:\\Windows\\", "a/", "\\/", "<x", ">=1")));
    }

    @Property(tries = 60, seed = "20261123")
    void targetsAgreeWithTheMatcher(@ForAll("values") String value) {
        run(value);
    }

    @net.jqwik.api.Example
    void edgeValuesAgreeWithTheMatcher() {
        for (String v : List.of("C:\\Windows\\", "\\", "a\\", "a/", "\\/", "/", "<x", ">=1", "\"", "AND", "k\u212a", "x y\tz\n")) {
            run(v);
        }
    }

    private static void run(String value) {
        EsNode es = node();
        String tryId = "t" + TRY.incrementAndGet();
        List<String> variants = variants(value);
        List<JsonNode> docs = new ArrayList<>();
        for (String v : variants) {
            docs.add(JSON.createObjectNode().put("try", tryId).put("f", v));
        }
        docs.add(JSON.createObjectNode().put("try", tryId));
        assertEquals(Map.of(), es.bulk(INDEX, tryId + "-", docs));

        for (Map.Entry<String, Expr> c : cases(value).entrySet()) {
            check(es, tryId, docs, c.getKey(), c.getValue());
        }
    }

    private static List<String> variants(String v) {
        Set<String> out = new java.util.LinkedHashSet<>();
        out.add(v);
        out.add(v.toUpperCase(Locale.ROOT));
        out.add(v.toLowerCase(Locale.ROOT));
        out.add("x" + v);
        out.add(v + "x");
        out.add("a" + v + "b");
        out.add(v.substring(0, v.length() - 1) + (v.endsWith("?") ? "*" : "?"));
        out.add(v.replace("*", "x"));
        out.add("");
        if (v.length() > 1) {
            out.add(v.substring(1));
            out.add(v.charAt(0) + "\\" + v.substring(1));
        }
        out.add(swapCase(v));
        return new ArrayList<>(out);
    }

    private static String swapCase(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return sb.toString();
    }

    private static Map<String, Expr> cases(String v) {
        Map<String, Expr> out = new LinkedHashMap<>();
        Pattern.Text t = new Pattern.Text(v);
        for (CaseMode m : CaseMode.values()) {
            String k = m.name().toLowerCase(Locale.ROOT);
            out.put("exact/" + k, new Expr.Match("f", Literal.string(v), m));
            out.put("contains/" + k, new Expr.Match("f", new Literal.Str(Pattern.of(Pattern.ANY_STRING, t, Pattern.ANY_STRING)), m));
            out.put("startswith/" + k, new Expr.Match("f", new Literal.Str(Pattern.of(t, Pattern.ANY_STRING)), m));
            out.put("endswith/" + k, new Expr.Match("f", new Literal.Str(Pattern.of(Pattern.ANY_STRING, t)), m));
            out.put("onechar/" + k, new Expr.Match("f", new Literal.Str(oneCharWildcard(v)), m));
            out.put("not-exact/" + k, Expr.not(new Expr.Match("f", Literal.string(v), m)));
            out.put("keyword/" + k, new Expr.Keyword(Pattern.of(Pattern.ANY_STRING, t, Pattern.ANY_STRING), m));
        }
        out.put("regex", new Expr.Regex("f", pcreQuote(v), Set.of()));
        out.put("regex-i", new Expr.Regex("f", "^" + pcreQuote(v) + "$", Set.of(Expr.RegexFlag.IGNORE_CASE)));
        out.put("not-regex", Expr.not(new Expr.Regex("f", pcreQuote(v), Set.of())));
        return out;
    }

    private static Pattern oneCharWildcard(String v) {
        int first = v.codePointAt(0);
        String rest = v.substring(Character.charCount(first));
        return rest.isEmpty() ? Pattern.of(Pattern.ANY_CHAR) : Pattern.of(Pattern.ANY_CHAR, new Pattern.Text(rest));
    }

    /** A PCRE regex matching {@code s} literally: non-alphanumerics backslash-escaped, controls as escapes. */
    static String pcreQuote(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                sb.append('\\').appendCodePoint(c);
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static void check(EsNode es, String tryId, List<JsonNode> docs, String name, Expr e) {
        Matcher m = Matcher.compile(e);
        Set<String> expected = new java.util.TreeSet<>();
        for (int i = 0; i < docs.size(); i++) {
            if (m.matches(docs.get(i))) {
                expected.add(tryId + "-" + i);
            }
        }
        RenderContext ctx = new RenderContext(SourcePos.startOf("escaping"), name, List.of(INDEX),
                f -> f.equals("f") || f.equals("try") ? java.util.Optional.of("keyword") : java.util.Optional.empty());
        Diagnostics d = new Diagnostics();
        String esql = new EsqlRenderer().render(e, ctx, d).orElseThrow(() -> new AssertionError(d.all().toString()));
        String lucene = new LuceneRenderer().render(e, ctx, d).orElseThrow(() -> new AssertionError(d.all().toString()));
        String docList = docs.toString();

        EsNode.Hits eh = es.esql(esql + "\n| WHERE try == \"" + tryId + "\" | KEEP _id | LIMIT 1000");
        assertTrue(eh.error().isEmpty(), () -> name + ": ES|QL rejected\n" + esql + "\n" + eh.error().get());
        assertEquals(expected, new java.util.TreeSet<>(eh.ids()), () -> name + ": ES|QL differs from the matcher\n" + esql + "\ndocs " + docList);

        EsNode.Hits lh = es.queryString(INDEX, "try:" + tryId + " AND (" + lucene + ")");
        assertTrue(lh.error().isEmpty(), () -> name + ": Lucene rejected\n" + lucene + "\n" + lh.error().get());
        assertEquals(expected, new java.util.TreeSet<>(lh.ids()), () -> name + ": Lucene differs from the matcher\n" + lucene + "\ndocs " + docList);
    }
}
