package dev.rulec.lang.kql;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlParserTest {

    private static final SourcePos START = new SourcePos("rule.toml", 10, 5);

    static Expr parse(String q) {
        Diagnostics d = new Diagnostics();
        Optional<Expr> e = KqlParser.parse(q, START, d);
        assertTrue(e.isPresent(), () -> q + " → " + d.all());
        return e.get();
    }

    static String error(String q) {
        Diagnostics d = new Diagnostics();
        Optional<Expr> e = KqlParser.parse(q, START, d);
        assertTrue(e.isEmpty(), () -> q + " parsed as " + e);
        assertEquals(1, d.all().size(), () -> d.all().toString());
        return d.all().get(0).format();
    }

    static Expr match(String f, String v) {
        return new Expr.Match(f, Literal.string(v), CaseMode.SENSITIVE);
    }

    static Expr match(String f, Pattern p) {
        return new Expr.Match(f, new Literal.Str(p), CaseMode.SENSITIVE);
    }

    @Test
    void parsesFieldValueAsCaseSensitiveMatch() {
        assertEquals(match("event.action", "ConsoleLogin"), parse("event.action:ConsoleLogin"));
        assertEquals(match("event.action", "Console Login"), parse("event.action : \"Console Login\""));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Expr a = match("a", "1x");
        Expr b = match("b", "2x");
        Expr c = match("c", "3x");
        assertEquals(Expr.or(a, Expr.and(Expr.not(b), c)), parse("a:1x or not b:2x and c:3x"));
        assertEquals(Expr.and(Expr.or(a, b), c), parse("(a:1x OR b:2x) AnD c:3x"));
    }

    @Test
    void expandsValueListsOnTheField() {
        assertEquals(Expr.or(match("f", "a"), Expr.and(match("f", "b"), Expr.not(match("f", "c")))),
                parse("f:(a or b and not c)"));
        assertEquals(Expr.or(match("f", "a"), match("f", "b")), parse("f:(\"a\" or (b))"));
    }

    @Test
    void unquotedStarIsAWildcardAndQuotedStarIsLiteral() {
        assertEquals(match("f", Pattern.of(Pattern.ANY_STRING, new Pattern.Text(".exe"))), parse("f:*.exe"));
        assertEquals(match("f", "*.exe"), parse("f:\"*.exe\""));
        assertEquals(match("f", "*.exe"), parse("f:\\*.exe"));
    }

    @Test
    void starAloneIsExistsAndStarStarIsMatchAll() {
        assertEquals(new Expr.Exists("f"), parse("f:*"));
        assertEquals(new Expr.Exists("f"), parse("f:(*)"));
        assertEquals(new Expr.Const(true), parse("*:*"));
        assertEquals(new Expr.Const(true), parse("   "));
    }

    @Test
    void decodesEscapesAsKibanaDoes() {
        assertEquals(match("f", "a(b):c\\d"), parse("f:a\\(b\\)\\:c\\\\d"));
        assertEquals(match("f", "C:\\Windows\\x"), parse("f:\"C:\\Windows\\\\x\""));
        assertEquals(match("f", "say \"hi\""), parse("f:\"say \\\"hi\\\"\""));
        assertEquals(match("f", "or"), parse("f:\\or"));
        assertEquals(match("f", "a\tb"), parse("f:\"a\\tb\""));
        assertEquals(match("f", "x\not"), parse("f:x\\not")); // Kibana tries \n before the escaped keyword
        assertEquals(match("f", "é"), parse("f:\\u00e9"));
    }

    @Test
    void unquotedWildcardValueKeepsInnerSpaces() {
        assertEquals(match("f", Pattern.of(Pattern.ANY_STRING, new Pattern.Text("cmd /c"), Pattern.ANY_STRING)),
                parse("f:*cmd /c*"));
    }

    @Test
    void typesUnquotedNumbersAndBooleansLikeKibana() {
        assertEquals(new Expr.Match("f", Literal.Num.of(200), CaseMode.SENSITIVE), parse("f:200"));
        assertEquals(match("f", "007"), parse("f:007"));
        assertEquals(match("f", "200"), parse("f:\"200\""));
        assertEquals(new Expr.Match("f", new Literal.Bool(true), CaseMode.SENSITIVE), parse("f:true"));
    }

    @Test
    void parsesRangesNestedAndBareTerms() {
        assertEquals(new Expr.Range("n", Optional.of(new Expr.Bound(Literal.Num.of(5), true)), Optional.empty()),
                parse("n >= 5"));
        assertEquals(new Expr.Range("d", Optional.empty(), Optional.of(new Expr.Bound(Literal.string("now-1d"), false))),
                parse("d<now-1d"));
        assertEquals(new Expr.Nested("user", Expr.and(match("user.first", "a"), match("user.last", "b"))),
                parse("user:{ first:a and last:b }"));
        assertEquals(new Expr.Keyword(Pattern.literal("mimikatz"), CaseMode.SENSITIVE), parse("mimikatz"));
    }

    @Test
    void reportsSyntaxErrorsAtFilePositions() {
        assertEquals("rule.toml:10:11: error: unexpected end of query, expecting one of not, (, <value> [kql.syntax]",
                error("a:b or"));
        assertEquals("rule.toml:11:3: error: unexpected [)], expecting one of not, (, <value> [kql.syntax]",
                error("a:b or\n  )"));
        assertEquals("rule.toml:10:9: error: unterminated quoted string (close it with \"; write \\\" for a quote "
                + "inside it) [kql.syntax]", error("a:b \"c"));
    }

    @Test
    void rejectsAmbiguousUnquotedPhrases() {
        assertTrue(error("msg: hello world").contains("[kql.ambiguous-value]"));
    }

    @Test
    void rejectsUnknownEscapesInUnquotedValues() {
        assertTrue(error("f:C\\Windows").startsWith("rule.toml:10:8: error: unknown escape [\\W]"));
    }

    @Test
    void rejectsKeywordsWithoutSpaces() {
        assertTrue(error("not(a:b)").contains("keyword [not] must be followed by whitespace"));
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() {
        String q = "(".repeat(100_000) + "a:b" + ")".repeat(100_000);
        assertTrue(error(q).contains("[kql.too-deep]"));
        String ok = "(".repeat(KqlParser.MAX_NESTING) + "a:b" + ")".repeat(KqlParser.MAX_NESTING);
        assertEquals(match("a", "b"), parse(ok));
    }

    @Test
    void rejectsFieldPatternsWithoutAFieldList() {
        assertTrue(error("file.hash.*:*").contains("no field list was given (name the fields"));
    }

    @Test
    void expandsFieldPatternsAtEachValueAgainstKnownFields() {
        List<String> known = List.of("file.hash.sha256", "file.hash.md5", "file.name", "file.hash");
        Diagnostics d = new Diagnostics();
        assertEquals(Optional.of(Expr.or(new Expr.Exists("file.hash.md5"), new Expr.Exists("file.hash.sha256"))),
                KqlParser.parse("file.hash.*:*", START, known, d));
        assertEquals(Optional.of(Expr.not(Expr.or(match("file.hash.md5", "x"), match("file.hash.sha256", "x")))),
                KqlParser.parse("file.hash.*:(not x)", START, known, d));
        assertEquals(Optional.of(match("file.name", "a")), KqlParser.parse("file.na*:a", START, known, d));
        assertEquals(List.of(), d.all());
        assertTrue(KqlParser.parse("dll.*:*", START, known, d).isEmpty());
        assertEquals("rule.toml:10:5: error: field name pattern [dll.*] matches no field of the schema (check the "
                + "pattern, or add the fields to the schema) [kql.field-pattern]", d.all().get(0).format());
    }

    @Test
    void typedParseSaysWhatKibanaSendsForTextAndIpFields() {
        dev.rulec.target.FieldTypes types = f -> Optional.ofNullable(java.util.Map.of("message", "match_only_text",
                "source.ip", "ip").get(f));
        Diagnostics d = new Diagnostics();
        assertEquals(Optional.of(Expr.or(match("message", "beacon"), match("message", "chain"))),
                KqlParser.parse("message:beacon-chain", START, types, List.of(), d));
        assertEquals(Optional.of(match("message", "beacon-chain")),
                KqlParser.parse("message:\"beacon-chain\"", START, types, List.of(), d));
        assertEquals(Optional.of(match("message", "segfault")), KqlParser.parse("message:segfault", START, types,
                List.of(), d));
        assertEquals(Optional.of(new Expr.Cidr("source.ip", "10.0.0.0/8")),
                KqlParser.parse("source.ip:\"10.0.0.0/8\"", START, types, List.of(), d));
        assertEquals(Optional.of(new Expr.Range("message", Optional.of(new Expr.Bound(Literal.string("100"), true)),
                Optional.empty())), KqlParser.parse("message >= 100", START, types, List.of(), d));
        assertEquals(List.of(), d.all());
    }

    @Test
    void handlesCharactersOutsideTheBasicPlane() {
        assertEquals(Expr.or(match("f", Pattern.of(Pattern.ANY_STRING, new Pattern.Text("😀"), Pattern.ANY_STRING)),
                match("f", "🙂")), parse("f:(*😀* or \"🙂\")"));
        assertEquals("rule.toml:10:12: error: unexpected [)], expecting one of not, (, <value> [kql.syntax]",
                error("😀:a or )"));
    }

    @Test
    void parsesLongChainsIteratively() {
        String q = String.join(" or ", java.util.Collections.nCopies(20_000, "a:b"));
        assertEquals(20_000, ((Expr.Or) parse(q)).terms().size());
        assertEquals(List.of(), List.of());
    }
}
