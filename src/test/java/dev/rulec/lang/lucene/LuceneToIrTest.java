package dev.rulec.lang.lucene;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.target.FieldTypes;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuceneToIrTest {

    private static final Map<String, String> TYPES = Map.of("n", "long", "msg", "text", "req.key", "flattened",
            "ip", "ip");
    private static final FieldTypes FIELD_TYPES = f -> Optional.ofNullable(TYPES.get(f));

    static Expr ir(String q) throws LuceneToIr.Refused {
        Diagnostics d = new Diagnostics();
        LuceneQuery.Bool b = LuceneParser.parse(q, SourcePos.startOf("q"), d)
                .orElseThrow(() -> new AssertionError(d.all()));
        return LuceneToIr.convert(b, FIELD_TYPES);
    }

    static String refusal(String q) {
        return assertThrows(LuceneToIr.Refused.class, () -> ir(q)).getMessage();
    }

    static Expr match(String f, String v) {
        return new Expr.Match(f, Literal.string(v), CaseMode.SENSITIVE);
    }

    @Test
    void andMakesBothNeighboursRequiredAndOrLeavesThemOptional() {
        assertEquals(List.of(LuceneOccurs.Occur.SHOULD, LuceneOccurs.Occur.MUST, LuceneOccurs.Occur.MUST),
                LuceneOccurs.of(LuceneParserTest.parse("a OR b AND c").clauses()));
        assertEquals(List.of(LuceneOccurs.Occur.MUST_NOT, LuceneOccurs.Occur.MUST),
                LuceneOccurs.of(LuceneParserTest.parse("-a AND b").clauses()));
    }

    @Test
    void keywordTermsPhrasesAndWildcardsAreExactCaseSensitiveMatches() throws Exception {
        assertEquals(match("a", "x y"), ir("a:\"x y\""));
        assertEquals(new Expr.Match("a", new Literal.Str(Pattern.of(new Pattern.Text("x"), Pattern.ANY_CHAR,
                Pattern.ANY_STRING)), CaseMode.SENSITIVE), ir("a:x?*"));
        assertEquals(new Expr.Exists("a"), ir("a:*"));
        assertEquals(new Expr.Exists("a.b"), ir("_exists_:a.b"));
        assertEquals(new Expr.Const(true), ir("*:*"));
    }

    @Test
    void booleanStructureFollowsLucenesOccurs() throws Exception {
        Expr a = match("f", "a");
        Expr b = match("f", "b");
        Expr c = match("f", "c");
        assertEquals(Expr.and(b, c), ir("f:a OR f:b AND f:c"));
        assertEquals(Expr.and(Expr.or(a, b), Expr.not(c)), ir("f:(a b -c)"));
        assertEquals(Expr.not(a), ir("NOT f:a"));
        assertEquals(Expr.and(b, Expr.not(a)), ir("-f:a AND f:b"));
        assertEquals(new Expr.Const(false), ir(""));
    }

    @Test
    void rangesAndComparisonsUseTheFieldType() throws Exception {
        assertEquals(new Expr.Range("n", Optional.of(new Expr.Bound(new Literal.Num(BigDecimal.TEN), true)),
                Optional.empty()), ir("n:>=10"));
        assertEquals(new Expr.Range("a", Optional.empty(), Optional.of(new Expr.Bound(Literal.string("m"), false))),
                ir("a:[* TO m}"));
        assertEquals(new Expr.Match("n", new Literal.Num(new BigDecimal("5")), CaseMode.SENSITIVE), ir("n:5"));
    }

    @Test
    void flattenedKeysTakeWholeValuesAndTrailingStarsAndFindNoRegexp() throws Exception {
        assertEquals(match("req.key", "v"), ir("req.key:v"));
        assertEquals(new Expr.Const(false), ir("req.key:/v.*/"));
        assertTrue(refusal("req.key:*v").contains("every key of the flattened field"));
        assertTrue(refusal("req.key:[a TO b]").contains("flattened"));
    }

    @Test
    void regexpsMatchTheWholeValueWithLucenesDot() throws Exception {
        Expr re = ir("a:/[Pp]ower.*\\-enc/");
        assertEquals(new Expr.Regex("a", "\\A(?:[Pp]ower.*\\-enc)\\z", java.util.EnumSet.of(Expr.RegexFlag.DOT_ALL)), re);
        dev.rulec.ir.Matcher m = dev.rulec.ir.Matcher.compile(re);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertTrue(m.matches(json.readTree("{\"a\":\"Power\\nshell -enc\"}")));
        assertTrue(!m.matches(json.readTree("{\"a\":\"xPowershell -enc\"}")));
    }

    @Test
    void refusesWhatDependsOnAnalysisOrTheMapping() {
        assertEquals("a term without a field searches every field of the index", refusal("x"));
        assertEquals("fuzzy matching (~) depends on edit distances rulec does not compute", refusal("a:x~1"));
        assertEquals("[msg] is mapped as text, where the query's meaning depends on the field's analysis",
                refusal("msg:x"));
        assertEquals("[ip] is mapped as ip, where the query's meaning depends on the field type", refusal("ip:x"));
        assertEquals("the regular expression /x@/ on [a]: Lucene operator @", refusal("a:/x@/"));
        assertEquals("the regular expression /^x/ on [a]: Lucene has no anchor ^", refusal("a:/^x/"));
        assertTrue(refusal("a.\\*:x").contains("field pattern"));
        assertTrue(refusal("n:abc").contains("no number"));
    }
}
