package dev.rulec.target.kql;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.target.FieldTypes;
import dev.rulec.target.RenderContext;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlRendererTest {

    private static final SourcePos POS = new SourcePos("rules/aws.yml", 3, 1);
    private static final Map<String, String> TYPES = Map.of("source.ip", "ip", "message", "text",
            "event.code", "long", "process.name", "keyword");

    private final Diagnostics diags = new Diagnostics();

    private Optional<String> render(Expr e) {
        RenderContext ctx = new RenderContext(POS, "Test Rule", List.of(), f -> Optional.ofNullable(TYPES.get(f)));
        return new KqlRenderer().render(e, ctx, diags);
    }

    private static Expr sensitive(String f, Pattern p) {
        return new Expr.Match(f, new Literal.Str(p), CaseMode.SENSITIVE);
    }

    private static Expr insensitive(String f, String v) {
        return new Expr.Match(f, Literal.string(v), CaseMode.INSENSITIVE);
    }

    private static Pattern contains(String s) {
        return Pattern.of(Pattern.ANY_STRING, new Pattern.Text(s), Pattern.ANY_STRING);
    }

    @Test
    void quotesLiteralValuesAndEscapesQuotesAndBackslashes() {
        assertEquals(Optional.of("process.executable:\"C:\\\\Windows\\\\cmd \\\"x\\\".exe\""),
                render(sensitive("process.executable", Pattern.literal("C:\\Windows\\cmd \"x\".exe"))));
        assertEquals(Optional.of("f:\"*\""), render(sensitive("f", Pattern.literal("*"))));
    }

    @Test
    void rendersContainsAsUnquotedWildcardWithSpecialsEscaped() {
        assertEquals(Optional.of("process.command_line:*\\\\cmd.exe /c \\(x\\) a\\:b*"),
                render(sensitive("process.command_line", contains("\\cmd.exe /c (x) a:b"))));
    }

    @Test
    void escapesKeywordsInsideWildcardValues() {
        assertEquals(Optional.of("f:*this \\or \\AND \\u006eot that*"),
                render(sensitive("f", contains("this or AND not that"))));
    }

    @Test
    void refusesWildcardValuesKibanaWouldTrim() {
        assertTrue(render(sensitive("f", Pattern.of(new Pattern.Text(" x"), Pattern.ANY_STRING))).isEmpty());
        assertTrue(diags.all().get(0).message().contains("Kibana trims whitespace"));
    }

    @Test
    void groupsValuesOfOneFieldIntoAList() {
        assertEquals(Optional.of("event.action:(\"DeleteTrail\" or \"StopLogging\")"),
                render(Expr.or(sensitive("event.action", Pattern.literal("DeleteTrail")),
                        sensitive("event.action", Pattern.literal("StopLogging")))));
    }

    @Test
    void parenthesizesOrInsideAndAndCompoundsUnderNot() {
        Expr a = sensitive("a", Pattern.literal("1"));
        Expr b = sensitive("b", Pattern.literal("2"));
        Expr c = new Expr.Exists("c");
        assertEquals(Optional.of("(a:\"1\" or b:\"2\") and not (c:* and a:\"1\")"),
                render(Expr.and(Expr.or(a, b), Expr.not(Expr.and(c, a)))));
    }

    @Test
    void rendersRangesCidrNumbersAndNested() {
        assertEquals(Optional.of("(event.code >= 4624 and event.code < 4700)"), render(new Expr.Range("event.code",
                Optional.of(new Expr.Bound(Literal.Num.of(4624), true)),
                Optional.of(new Expr.Bound(Literal.Num.of(4700), false)))));
        assertEquals(Optional.of("source.ip:\"10.0.0.0/8\""), render(new Expr.Cidr("source.ip", "10.0.0.0/8")));
        assertEquals(Optional.of("user:{ first:\"a\" and last:* }"), render(new Expr.Nested("user",
                Expr.and(sensitive("user.first", Pattern.literal("a")), new Expr.Exists("user.last")))));
    }

    @Test
    void warnsNamingRuleAndFieldWhenCaseInsensitivityIsLost() {
        assertEquals(Optional.of("process.name:\"CMD.exe\""), render(insensitive("process.name", "CMD.exe")));
        Diagnostic d = diags.all().get(0);
        assertEquals("rules/aws.yml:3:1: warning: rule [Test Rule]: KQL matches field [process.name] case-sensitively "
                + "(mapped as keyword), but the rule asks for case-insensitive matching of values with letters (compile to "
                + "ES|QL or Lucene for case-insensitive matching, or map the field with a lowercase normalizer) "
                + "[kql.case-sensitive]", d.format());
    }

    @Test
    void warnsOncePerRuleAndField() {
        render(Expr.or(insensitive("process.name", "a.exe"), insensitive("process.name", "b.exe"),
                insensitive("process.parent.name", "c.exe")));
        assertEquals(2, diags.all().size());
    }

    @Test
    void doesNotWarnWhereCaseCannotMatter() {
        render(insensitive("message", "Failed Login"));
        render(insensitive("source.ip", "fe80::1"));
        render(insensitive("process.name", "4624-1.0"));
        render(new Expr.Match("event.code", Literal.Num.of(4624), CaseMode.INSENSITIVE));
        assertEquals(List.of(), diags.all());
    }

    @Test
    void regexIsAnErrorWithReason() {
        assertTrue(render(new Expr.Regex("f", "a[0-9]+", Set.of())).isEmpty());
        assertTrue(diags.all().get(0).format().contains("KQL has no regular expressions, so the regex [a[0-9]+] cannot "
                + "be rendered"));
        assertTrue(diags.hasErrors());
    }

    @Test
    void fieldRefAndSingleCharWildcardAreErrors() {
        assertTrue(render(new Expr.FieldRef("a", "b", Expr.FieldRefKind.EQUALS, CaseMode.SENSITIVE)).isEmpty());
        assertTrue(render(sensitive("f", Pattern.of(new Pattern.Text("a"), Pattern.ANY_CHAR))).isEmpty());
        assertEquals(2, diags.errorCount());
    }

    @Test
    void rendersTrueAndFalseAsMatchAllAndItsNegation() {
        assertEquals(Optional.of("*:*"), render(new Expr.Const(true)));
        assertEquals(Optional.of("not *:*"), render(new Expr.Const(false)));
        assertEquals(Optional.of("\"a b\""), render(new Expr.Keyword(Pattern.literal("a b"), CaseMode.SENSITIVE)));
        assertEquals(FieldTypes.unknown().typeOf("x"), Optional.empty());
    }
}
