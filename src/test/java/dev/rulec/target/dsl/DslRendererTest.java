package dev.rulec.target.dsl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.kql.KqlParser;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;
import dev.rulec.testsupport.Golden;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DslRendererTest {

    private static final SourcePos POS = SourcePos.startOf("q.toml");
    private static final Map<String, String> TYPES = Map.of("event.action", "keyword", "message", "match_only_text",
            "source.ip", "ip", "@timestamp", "date", "event.code", "long", "process.command_line", "wildcard",
            "event.dataset", "constant_keyword", "process.code_signature.trusted", "boolean");
    private static final FieldTypes TYPED = f -> Optional.ofNullable(TYPES.get(f));

    /** KQL queries, one per line, with the DSL they become (typed, then untyped) in one golden file. */
    private static final List<String> QUERIES = List.of(
            "event.action:ConsoleLogin and not event.code:4625",
            "event.action:(DeleteTrail or StopLogging) or message:\"access denied\"",
            "process.command_line:*\\\\cmd.exe /c* and message:*forbid*",
            "source.ip:\"10.0.0.0/8\" and source.ip:192.168.1.1",
            "@timestamp >= \"now-30d\" and @timestamp:\"2024-01-01\" and event.code < 100",
            "process.code_signature.trusted:false and event.dataset:aws.cloudtrail and event.outcome:*",
            "user:{ name:alice and roles:(admin or root) }",
            "mimikatz or \"invoke mimikatz\" or *kerberoast*",
            "*:*");

    @Test
    void rendersKqlAsKibanaTranslatesIt() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (String q : QUERIES) {
            Expr e = KqlParser.parse(q, POS, new Diagnostics()).orElseThrow();
            out.append("# ").append(q).append('\n');
            for (FieldTypes types : List.of(TYPED, FieldTypes.unknown())) {
                ObjectNode dsl = new DslRenderer().render(e, new RenderContext(POS, "r", List.of(), types),
                        new Diagnostics()).orElseThrow();
                out.append(types == TYPED ? "typed:   " : "untyped: ").append(json.writeValueAsString(dsl)).append('\n');
            }
            out.append('\n');
        }
        Golden.assertMatches("dsl/kql-to-dsl.txt", out.toString());
    }

    @Test
    void caseInsensitiveMatchesUseCaseInsensitiveTermAndWildcard() {
        Expr e = Expr.or(new Expr.Match("event.action", Literal.string("Get"), CaseMode.INSENSITIVE),
                new Expr.Match("x", new Literal.Str(Pattern.of(new Pattern.Text("a?*"), Pattern.ANY_STRING)),
                        CaseMode.INSENSITIVE));
        ObjectNode dsl = new DslRenderer().render(e, new RenderContext(POS, "r", List.of(), TYPED), new Diagnostics())
                .orElseThrow();
        assertEquals("{\"bool\":{\"should\":[{\"term\":{\"event.action\":{\"value\":\"Get\",\"case_insensitive\":true}}},"
                + "{\"wildcard\":{\"x\":{\"value\":\"a\\\\?\\\\**\",\"case_insensitive\":true}}}],"
                + "\"minimum_should_match\":1}}", dsl.toString());
    }

    @Test
    void exactCaseFoldingSpellsFoldsTheCaseInsensitiveFlagMissesAsRegexpClasses() {
        RenderContext ctx = new RenderContext(POS, "r", List.of(), TYPED);
        Expr ascii = new Expr.Match("event.action", Literal.string("GetUser"), CaseMode.INSENSITIVE);
        Expr kelvin = new Expr.Match("event.action", Literal.string("Kit"), CaseMode.INSENSITIVE);
        Expr umlaut = new Expr.Match("event.action", new Literal.Str(Pattern.of(new Pattern.Text("Ü"), Pattern.ANY_CHAR)),
                CaseMode.INSENSITIVE);
        DslRenderer exact = DslRenderer.exactCaseFolding();
        assertEquals("{\"term\":{\"event.action\":{\"value\":\"GetUser\",\"case_insensitive\":true}}}",
                exact.render(ascii, ctx, new Diagnostics()).orElseThrow().toString());
        assertEquals("{\"regexp\":{\"event.action\":{\"value\":\"[Kk\u212a][Ii][Tt]\"}}}",
                exact.render(kelvin, ctx, new Diagnostics()).orElseThrow().toString());
        assertEquals("{\"regexp\":{\"event.action\":{\"value\":\"[Üü].\"}}}",
                exact.render(umlaut, ctx, new Diagnostics()).orElseThrow().toString());
        assertEquals("{\"term\":{\"event.action\":{\"value\":\"Kit\",\"case_insensitive\":true}}}",
                new DslRenderer().render(kelvin, ctx, new Diagnostics()).orElseThrow().toString(),
                "Kibana's translation keeps the flag");
    }

    @Test
    void regexesBecomeRegexpQueriesInLucenesDialect() {
        RenderContext ctx = new RenderContext(POS, "r", List.of(), TYPED);
        ObjectNode dsl = new DslRenderer().render(new Expr.Regex("event.action", "^Get.", Set.of(Expr.RegexFlag.IGNORE_CASE)),
                ctx, new Diagnostics()).orElseThrow();
        assertEquals("{\"regexp\":{\"event.action\":{\"value\":\"[Gg][Ee][Tt][^\\n].*\"}}}", dsl.toString());
    }

    @Test
    void regexesOnTextFieldsAndUntranslatableRegexesAreErrorsWithTheReason() {
        Diagnostics d = new Diagnostics();
        RenderContext ctx = new RenderContext(POS, "r", List.of(), TYPED);
        assertTrue(new DslRenderer().render(new Expr.Regex("message", "a+", Set.of()), ctx, d).isEmpty());
        assertTrue(new DslRenderer().render(new Expr.Regex("event.code", "4.2", Set.of()), ctx, d).isEmpty());
        assertTrue(new DslRenderer().render(new Expr.Regex("f", "a(?=b)", Set.of()), ctx, d).isEmpty());
        assertEquals(3, d.errorCount());
        assertTrue(d.all().get(0).message().contains("mapped as match_only_text"), d.all().get(0).message());
        assertTrue(d.all().get(1).message().contains("mapped as long"), d.all().get(1).message());
        assertTrue(d.all().get(2).message().contains("cannot be translated"), d.all().get(2).message());
    }

    @Test
    void fieldRefsAreErrors() {
        Diagnostics d = new Diagnostics();
        RenderContext ctx = new RenderContext(POS, "r", List.of(), TYPED);
        assertTrue(new DslRenderer().render(new Expr.FieldRef("a", "b", Expr.FieldRefKind.EQUALS, CaseMode.SENSITIVE),
                ctx, d).isEmpty());
        assertEquals(1, d.errorCount());
    }
}
