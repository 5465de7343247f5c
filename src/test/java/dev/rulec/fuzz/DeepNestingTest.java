package dev.rulec.fuzz;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.lang.eql.EqlParser;
import dev.rulec.lang.esql.EsqlAnalyzer;
import dev.rulec.lang.esql.EsqlProblem;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
import dev.rulec.validate.QueryValidator;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.rulec.fuzz.DeepInputs.chain;
import static dev.rulec.fuzz.DeepInputs.repeat;
import static dev.rulec.fuzz.DeepInputs.wrap;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deeply nested and long-chained inputs, on the stack ./rulec runs with: each gives a result or diagnostics placed in
 * the input — never a StackOverflowError, whether thrown or caught and reported as a vague "too deeply nested" at the
 * start — and finishes in bounded time. The depth guards ({@code NestingGuard}, the builders' depth caps, YAML limits)
 * are what this checks.
 */
class DeepNestingTest {

    private static final int[] DEPTHS = {150, 2_500, 20_000};
    private static final Duration LIMIT = Duration.ofSeconds(60);

    static Stream<Arguments> esql() {
        List<Arguments> out = new ArrayList<>();
        for (int n : DEPTHS) {
            out.add(Arguments.of("parentheses " + n, "ROW x = " + wrap("(", "1", ")", n)));
            out.add(Arguments.of("function calls " + n, "ROW x = " + wrap("ABS(", "1", ")", n)));
            out.add(Arguments.of("NOT chain " + n, "FROM logs-* | WHERE " + repeat("NOT ", n) + "true"));
            out.add(Arguments.of("unary minus " + n, "ROW x = " + repeat("- ", n) + "1"));
            out.add(Arguments.of("OR chain " + n, "FROM logs-* | WHERE " + chain("a == 1", " OR ", "a == 1", n)));
            out.add(Arguments.of("plus chain " + n, "ROW x = " + chain("1", " + ", "1", n)));
            out.add(Arguments.of("cast chain " + n, "ROW x = 1" + repeat("::long", n)));
            out.add(Arguments.of("pipes " + n, "FROM logs-*" + repeat(" | WHERE true", n)));
            out.add(Arguments.of("IN list " + n, "FROM logs-* | WHERE a IN (" + chain("1", ", ", "1", n) + ")"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("esql")
    void esqlDeepInputGivesAQueryOrAPositionedProblem(String name, String query) {
        List<EsqlProblem> problems = OnProductionStack.call(name, LIMIT,
                () -> EsqlAnalyzer.withBuiltinSchemas().check(query));
        for (EsqlProblem p : problems) {
            assertNotTheStackOverflowFallback(p.message());
            FuzzInput.assertInside(query, SourcePos.startOf("q"), new SourcePos("q", p.line(), p.column()), p::toString);
        }
    }

    static Stream<Arguments> kql() {
        List<Arguments> out = new ArrayList<>();
        for (int n : DEPTHS) {
            out.add(Arguments.of("parentheses " + n, wrap("(", "a:1", ")", n)));
            out.add(Arguments.of("nested fields " + n, wrap("a:{", "b:1", "}", n)));
            out.add(Arguments.of("not chain " + n, repeat("not ", n) + "a:1"));
            out.add(Arguments.of("or chain " + n, chain("a:1", " or ", "a:1", n)));
            out.add(Arguments.of("and chain " + n, chain("a:1", " and ", "not b:2", n)));
            out.add(Arguments.of("value list " + n, "a:(" + chain("1", " or ", "2", n) + ")"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kql")
    void kqlDeepInputGivesATreeOrOnePositionedError(String name, String query) {
        SourcePos start = new SourcePos("rule.toml", 3, 9);
        Diagnostics diags = new Diagnostics();
        OnProductionStack.call(name, LIMIT, () -> KqlParser.parse(query, start, List.of("a", "b"), diags));
        for (Diagnostic d : diags.all()) {
            assertNotTheStackOverflowFallback(d.message());
            FuzzInput.assertInside(query, start, d);
        }
    }

    static Stream<Arguments> lucene() {
        List<Arguments> out = new ArrayList<>();
        for (int n : DEPTHS) {
            out.add(Arguments.of("parentheses " + n, wrap("(", "a:1", ")", n)));
            out.add(Arguments.of("field groups " + n, wrap("a:(", "1", ")", n)));
            out.add(Arguments.of("NOT chain " + n, repeat("NOT ", n) + "a:1"));
            out.add(Arguments.of("minus chain " + n, repeat("-", n) + "a:1"));
            out.add(Arguments.of("OR chain " + n, chain("a:1", " OR ", "a:1", n)));
            out.add(Arguments.of("juxtaposed terms " + n, chain("a:1", " ", "+b:2", n)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lucene")
    void luceneDeepInputGivesATreeOrOnePositionedError(String name, String query) {
        SourcePos start = new SourcePos("rule.toml", 3, 9);
        Diagnostics diags = new Diagnostics();
        OnProductionStack.call(name, LIMIT, () -> LuceneParser.parse(query, start, diags));
        for (Diagnostic d : diags.all()) {
            assertNotTheStackOverflowFallback(d.message());
            FuzzInput.assertInside(query, start, d);
        }
    }

    static Stream<Arguments> eql() {
        List<Arguments> out = new ArrayList<>();
        for (int n : DEPTHS) {
            out.add(Arguments.of("parentheses " + n, "any where " + wrap("(", "a == 1", ")", n)));
            out.add(Arguments.of("function calls " + n, "any where " + wrap("length(", "a", ")", n) + " > 1"));
            out.add(Arguments.of("not chain " + n, "any where " + repeat("not ", n) + "a == 1"));
            out.add(Arguments.of("or chain " + n, "any where " + chain("a == 1", " or ", "a == 1", n)));
            out.add(Arguments.of("plus chain " + n, "any where " + chain("a", " + ", "1", n) + " > 1"));
            out.add(Arguments.of("unary minus " + n, "any where a == " + repeat("-", n) + "1"));
            out.add(Arguments.of("sequence " + n, "sequence " + repeat("[any where true] ", n)));
            out.add(Arguments.of("pipes " + n, "any where true" + repeat(" | head 1", n)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eql")
    void eqlDeepInputGivesAQueryOrAPositionedError(String name, String query) {
        EqlParser.Result r = OnProductionStack.call(name, LIMIT, () -> EqlParser.parse(query));
        r.error().ifPresent(e -> {
            assertNotTheStackOverflowFallback(e.message());
            FuzzInput.assertInside(query, SourcePos.startOf("q"), new SourcePos("q", e.line(), e.column()), e::toString);
        });
    }

    static Stream<Arguments> sigma() {
        List<Arguments> out = new ArrayList<>();
        for (int n : DEPTHS) {
            out.add(Arguments.of("condition parentheses " + n, sigmaRule(wrap("(", "sel", ")", n))));
            out.add(Arguments.of("condition not chain " + n, sigmaRule(repeat("not ", n) + "sel")));
            out.add(Arguments.of("condition or chain " + n, sigmaRule(chain("sel", " or ", "sel", n))));
            out.add(Arguments.of("condition and-not chain " + n, sigmaRule(chain("sel", " and ", "not sel", n))));
            out.add(Arguments.of("YAML flow nesting " + n, sigmaRule("sel").replace("a: b", "a: " + wrap("[", "b", "]", n))));
            out.add(Arguments.of("YAML block nesting " + Math.min(n, 2_500), sigmaRule("sel")
                    .replace("a: b", "a:\n" + blockNesting(Math.min(n, 2_500)))));
            out.add(Arguments.of("value list " + n, sigmaRule("sel").replace("a: b", "a: [" + chain("v0", ", ", "v", n) + "]")));
        }
        return out.stream();
    }

    private static String sigmaRule(String condition) {
        return "title: t\nid: 9e0f1a2b-3c4d-4e5f-8a6b-c7d8e9f0a1b2\nlogsource: {product: linux}\n"
                + "detection:\n  sel:\n    a: b\n  condition: " + condition + "\n";
    }

    private static String blockNesting(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("  ".repeat(i + 3)).append("k:\n");
        }
        return b.append("  ".repeat(n + 3)).append("v\n").toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sigma")
    void sigmaDeepInputGivesRulesOrPositionedDiagnostics(String name, String yaml, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("deep.yml"), yaml);
        SigmaFrontEnd frontEnd = new SigmaFrontEnd(PipelineSet.builtIns());
        for (var renderer : List.of(new KqlRenderer(), new EsqlRenderer(), new LuceneRenderer())) {
            Diagnostics diags = new Diagnostics();
            OnProductionStack.call(name + " → " + renderer.target(), LIMIT,
                    () -> frontEnd.compile(List.of(file), renderer, diags));
            for (Diagnostic d : diags.all()) {
                assertNotTheStackOverflowFallback(d.message());
                FuzzInput.assertInside(yaml, SourcePos.startOf(file.toString()), d);
            }
        }
    }

    static Stream<Arguments> toml() {
        List<Arguments> out = new ArrayList<>();
        for (int n : DEPTHS) {
            out.add(Arguments.of("arrays " + n, tomlRule("kuery", "a:1").replace("tags = []", "tags = " + wrap("[", "1", "]", n))));
            out.add(Arguments.of("inline tables " + n, tomlRule("kuery", "a:1").replace("tags = []", "tags = " + wrap("{a = ", "1", "}", n))));
            out.add(Arguments.of("dotted keys " + n, tomlRule("kuery", "a:1").replace("tags = []", chain("x", ".", "x", n) + " = 1")));
            out.add(Arguments.of("KQL not chain " + n, tomlRule("kuery", repeat("not ", n) + "a:1")));
            out.add(Arguments.of("ES|QL NOT chain " + n, tomlRule("esql", "FROM logs-* | WHERE " + repeat("NOT ", n) + "true")));
            out.add(Arguments.of("EQL not chain " + n, tomlRule("eql", "any where " + repeat("not ", n) + "true")));
        }
        return out.stream();
    }

    private static String tomlRule(String language, String query) {
        String type = language.equals("kuery") ? "query" : language;
        return "[metadata]\ncreation_date = \"2026/01/01\"\nmaturity = \"production\"\nupdated_date = \"2026/01/01\"\n\n"
                + "[rule]\nauthor = [\"a\"]\ndescription = \"d\"\nindex = [\"logs-*\"]\nlanguage = \"" + language + "\"\n"
                + "license = \"Elastic License v2\"\nname = \"n\"\nrisk_score = 21\n"
                + "rule_id = \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"\nseverity = \"low\"\ntags = []\ntype = \"" + type + "\"\n"
                + "query = '''\n" + query + "\n'''\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toml")
    void tomlDeepInputGivesARuleOrPositionedErrors(String name, String toml) {
        SourcePos start = SourcePos.startOf("deep.toml");
        Diagnostics diags = new Diagnostics();
        OnProductionStack.call(name, LIMIT, () -> {
            Optional<LoadedRule> rule = TomlRuleReader.parse(toml, start.file(), diags);
            rule.ifPresent(r -> QueryValidator.check(r, diags));
            return rule;
        });
        for (Diagnostic d : diags.all()) {
            assertNotTheStackOverflowFallback(d.message());
            FuzzInput.assertInside(toml, start, d);
        }
    }

    private static void assertNotTheStackOverflowFallback(String message) {
        assertTrue(!message.contains("too deeply") && !message.contains("nesting too deep"),
                () -> "a stack overflow was caught instead of a depth guard refusing the input: " + message);
    }
}
