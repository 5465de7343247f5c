package dev.rulec.target;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.kql.KqlFilterMode;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden output of the ES|QL, Lucene and KQL (with Query DSL filters) renderers, one file per case and target under
 * {@code src/test/resources/golden/target/}. Errors are golden too (the formatted diagnostics).
 * Run with {@code -Drulec.golden.update=true} to rewrite the files after an intended change.
 */
class RendererGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden/target");
    private static final boolean UPDATE = Boolean.getBoolean("rulec.golden.update");

    /** Keys under this prefix are keys of a flattened field (as the AWS pipeline types them). */
    private static final String FLAT = "aws.cloudtrail.flattened.request_parameters.";

    private static Expr eq(String f, String v, CaseMode m) {
        return new Expr.Match(f, Literal.string(v), m);
    }

    private static Expr pat(String f, CaseMode m, Pattern.Part... parts) {
        return new Expr.Match(f, new Literal.Str(Pattern.of(parts)), m);
    }

    private static Pattern.Text t(String s) {
        return new Pattern.Text(s);
    }

    static Map<String, Expr> cases() {
        Map<String, Expr> c = new LinkedHashMap<>();
        CaseMode i = CaseMode.INSENSITIVE;
        CaseMode s = CaseMode.SENSITIVE;
        c.put("exact-insensitive", eq("event.action", "DeleteTrail", i));
        c.put("exact-sensitive", eq("event.action", "DeleteTrail", s));
        c.put("exact-no-letters", eq("event.code", "4624", i));
        c.put("exact-non-ascii", eq("user.name", "José", i));
        c.put("contains", pat("process.command_line", i, Pattern.ANY_STRING, t("-enc "), Pattern.ANY_STRING));
        c.put("startswith-sensitive", pat("file.path", s, t("C:\\Windows\\"), Pattern.ANY_STRING));
        c.put("endswith-backslash-insensitive", pat("registry.path", i, Pattern.ANY_STRING, t("\\Shell\\Open\\")));
        c.put("wildcard-chars-literal", pat("f", s, t("a*b?c\\"), Pattern.ANY_CHAR, Pattern.ANY_STRING));
        c.put("quotes-and-specials", eq("f", "say \"hi\" (now) && [x]: <y>/z\n", s));
        c.put("operator-words", Expr.or(eq("f", "AND", s), eq("g", "NOT", s)));
        c.put("empty-string", eq("f", "", s));
        c.put("match-all", pat("f", i, Pattern.ANY_STRING));
        c.put("number", new Expr.Match("winlog.event_id", Literal.Num.of(4624), i));
        c.put("not-keeps-missing", Expr.and(eq("event.provider", "iam.amazonaws.com", i),
                Expr.not(Expr.or(eq("user.type", "AWSService", i), new Expr.Exists("tls.version")))));
        c.put("range", new Expr.Range("event.severity", Optional.of(new Expr.Bound(Literal.Num.of(3), false)),
                Optional.of(new Expr.Bound(new Literal.Num(new BigDecimal("7.5")), true))));
        c.put("cidr-v4", new Expr.Cidr("source.ip", "10.0.0.0/8"));
        c.put("cidr-v6", new Expr.Cidr("source.ip", "2001:db8::/32"));
        c.put("regex", new Expr.Regex("process.command_line", "^powershell.*\\s-e(nc)?\\s+[A-Za-z0-9+/=]{20,}", Set.of()));
        c.put("regex-ignore-case", new Expr.Regex("url.original", "\\.(php|aspx?)$", Set.of(Expr.RegexFlag.IGNORE_CASE)));
        c.put("regex-lookahead", new Expr.Regex("f", "a(?=b)", Set.of()));
        c.put("fieldref", new Expr.FieldRef("process.executable", "file.path", Expr.FieldRefKind.ENDS_WITH, i));
        c.put("keyword", new Expr.Keyword(Pattern.of(Pattern.ANY_STRING, t("mimikatz"), Pattern.ANY_STRING), i));
        c.put("quoted-field-names", Expr.and(eq("winlog.event_data.Some-Field", "x", s), eq("a.by", "y", s),
                eq("1st", "z", s)));
        c.put("nested", new Expr.Nested("items", eq("items.name", "a", s)));
        c.put("const-false-in-or", Expr.or(eq("f", "a", s), new Expr.Const(false)));
        String key = FLAT + "userName";
        c.put("flattened-exact-insensitive", eq(key, "Ab \"x\\", i));
        c.put("flattened-exact-sensitive", eq(key, "Ab \"x\\", s));
        c.put("flattened-startswith-insensitive", pat(key, i, t("k*"), Pattern.ANY_STRING));
        c.put("flattened-under-not-with-column", Expr.not(Expr.or(new Expr.Exists(key), eq("event.action", "x", i))));
        c.put("flattened-contains", pat(key, i, Pattern.ANY_STRING, t("x"), Pattern.ANY_STRING));
        c.put("flattened-regex", new Expr.Regex(key, "^a.*b$", Set.of()));
        c.put("flattened-too-many-spellings", eq(key, "ConsoleLogin", i));
        c.put("flattened-fieldref", new Expr.FieldRef("user.name", key, Expr.FieldRefKind.EQUALS, i));
        c.put("flattened-range", new Expr.Range(key, Optional.of(new Expr.Bound(Literal.Num.of(3), false)), Optional.empty()));
        return c;
    }

    @TestFactory
    List<DynamicTest> rendersAsTheGoldenFilesSay() {
        Map<String, Renderer> renderers = Map.of("esql", new EsqlRenderer(), "lucene", new LuceneRenderer(),
                "kql", new KqlRenderer(true, KqlFilterMode.DSL));
        List<DynamicTest> tests = new ArrayList<>();
        cases().forEach((name, expr) -> renderers.forEach((ext, r) -> tests.add(DynamicTest.dynamicTest(name + "." + ext, () -> {
            RenderContext ctx = new RenderContext(SourcePos.startOf("golden.yml"), name, List.of("logs-*"),
                    f -> f.equals("event.severity") ? Optional.of("long") : f.equals("source.ip") ? Optional.of("ip")
                            : f.startsWith(FLAT) ? Optional.of("flattened") : Optional.empty());
            Diagnostics d = new Diagnostics();
            String out = r.renderWithFilters(expr, ctx, d).map(RendererGoldenTest::format).orElseGet(() ->
                    d.all().stream().map(x -> x.format()).collect(Collectors.joining("\n")));
            Path file = DIR.resolve(name + "." + ext);
            if (UPDATE) {
                Files.createDirectories(DIR);
                Files.writeString(file, out + "\n", StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(file), () -> "missing golden file " + file + " (run with -Drulec.golden.update=true)");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), out + "\n");
            assertEquals(out, r.renderWithFilters(expr, ctx, new Diagnostics()).map(RendererGoldenTest::format).orElse(out),
                    "rendering is deterministic");
        }))));
        return tests;
    }

    /** The query, then each Query DSL filter (KQL with filters) on a line of its own. */
    private static String format(RenderedQuery q) {
        return q.query() + q.filters().stream().map(f -> "\n-- Query DSL filter: " + f.query())
                .collect(Collectors.joining());
    }

    @TestFactory
    List<DynamicTest> everyGoldenFileHasACase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        if (Files.isDirectory(DIR)) {
            try (var s = Files.list(DIR)) {
                s.forEach(p -> tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    String n = p.getFileName().toString();
                    assertTrue(cases().containsKey(n.substring(0, n.lastIndexOf('.'))), "golden file without a case: " + n);
                })));
            }
        }
        return tests;
    }
}
