package dev.rulec.ir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ev(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Expr eq(String f, String v) {
        return new Expr.Match(f, Literal.string(v), CaseMode.INSENSITIVE);
    }

    private static Expr like(String f, CaseMode m, Pattern.Part... parts) {
        return new Expr.Match(f, new Literal.Str(Pattern.of(parts)), m);
    }

    private static boolean m(Expr e, String json) {
        return Matcher.compile(e).matches(ev(json));
    }

    @Test
    void resolvesDottedNamesThroughNestedObjectsAndFlatKeys() {
        Expr e = eq("a.b.c", "x");
        assertTrue(m(e, "{'a':{'b':{'c':'x'}}}"));
        assertTrue(m(e, "{'a.b.c':'x'}"));
        assertTrue(m(e, "{'a':{'b.c':'x'}}"));
        assertTrue(m(e, "{'a.b':{'c':'x'}}"));
        assertFalse(m(e, "{'a':{'b':{'c':'y'}}}"));
    }

    @Test
    void anyArrayElementMatches() {
        assertTrue(m(eq("a.b", "x"), "{'a':[{'b':'y'},{'b':['z','X']}]}"));
        assertFalse(m(eq("a.b", "x"), "{'a':[{'b':'y'}]}"));
    }

    @Test
    void missingFieldIsFalseAndItsNegationTrue() {
        assertFalse(m(eq("f", "x"), "{}"));
        assertTrue(m(Expr.not(eq("f", "x")), "{}"));
        assertTrue(m(Expr.not(eq("f", "x")), "{'f':null}"));
    }

    @Test
    void honoursCaseMode() {
        assertTrue(m(eq("f", "AbC"), "{'f':'aBc'}"));
        assertFalse(m(new Expr.Match("f", Literal.string("AbC"), CaseMode.SENSITIVE), "{'f':'aBc'}"));
    }

    @Test
    void wildcardsFromPatternParts() {
        Expr contains = like("f", CaseMode.INSENSITIVE, Pattern.ANY_STRING, new Pattern.Text("*a?"), Pattern.ANY_STRING);
        assertTrue(m(contains, "{'f':'xx*A?yy'}"));
        assertFalse(m(contains, "{'f':'xxAbyy'}"));
        Expr oneChar = like("f", CaseMode.SENSITIVE, new Pattern.Text("a"), Pattern.ANY_CHAR, new Pattern.Text("c"));
        assertTrue(m(oneChar, "{'f':'a\\nc'}"));
        assertFalse(m(oneChar, "{'f':'ac'}"));
        assertTrue(m(like("f", CaseMode.SENSITIVE, new Pattern.Text("ab"), Pattern.ANY_STRING), "{'f':'abc'}"));
        assertTrue(m(like("f", CaseMode.SENSITIVE, Pattern.ANY_STRING, new Pattern.Text("bc")), "{'f':'abc'}"));
        assertTrue(m(eq("f", ""), "{'f':''}"));
        assertFalse(m(eq("f", ""), "{'f':'a'}"));
    }

    @Test
    void numbersMatchNumericValuesAndCanonicalText() {
        Expr e = new Expr.Match("id", Literal.Num.of(4624), CaseMode.INSENSITIVE);
        assertTrue(m(e, "{'id':4624}"));
        assertTrue(m(e, "{'id':4624.0}"));
        assertTrue(m(e, "{'id':'4624'}"));
        assertFalse(m(e, "{'id':'04624'}"));
        assertTrue(m(eq("id", "4624"), "{'id':4624}"));
    }

    @Test
    void rangesCompareNumbersAndStrings() {
        Expr gt = new Expr.Range("n", Optional.of(new Expr.Bound(Literal.Num.of(5), false)), Optional.empty());
        assertTrue(m(gt, "{'n':6}"));
        assertTrue(m(gt, "{'n':'5.5'}"));
        assertFalse(m(gt, "{'n':5}"));
        assertFalse(m(gt, "{'n':'abc'}"));
        Expr s = new Expr.Range("s", Optional.of(new Expr.Bound(Literal.string("b"), true)),
                Optional.of(new Expr.Bound(Literal.string("d"), false)));
        assertTrue(m(s, "{'s':'b'}"));
        assertTrue(m(s, "{'s':'cz'}"));
        assertFalse(m(s, "{'s':'d'}"));
    }

    @Test
    void cidrV4AndV6() {
        assertTrue(m(new Expr.Cidr("ip", "10.0.0.0/8"), "{'ip':'10.1.2.3'}"));
        assertFalse(m(new Expr.Cidr("ip", "10.0.0.0/8"), "{'ip':'11.1.2.3'}"));
        assertFalse(m(new Expr.Cidr("ip", "10.0.0.0/8"), "{'ip':'example.com'}"));
        assertTrue(m(new Expr.Cidr("ip", "2001:db8::/32"), "{'ip':'2001:db8:1::1'}"));
        assertFalse(m(new Expr.Cidr("ip", "2001:db8::/32"), "{'ip':'2001:db9::1'}"));
        assertTrue(m(new Expr.Cidr("ip", "192.168.1.0/25"), "{'ip':'192.168.1.127'}"));
        assertFalse(m(new Expr.Cidr("ip", "192.168.1.0/25"), "{'ip':'192.168.1.128'}"));
        assertThrows(IllegalArgumentException.class, () -> Matcher.compile(new Expr.Cidr("ip", "10.0.0.0/33")));
    }

    @Test
    void regexIsUnanchoredWithFlags() {
        assertTrue(m(new Expr.Regex("f", "b\\d+", Set.of()), "{'f':'ab12c'}"));
        assertFalse(m(new Expr.Regex("f", "^b", Set.of()), "{'f':'ab'}"));
        assertTrue(m(new Expr.Regex("f", "^B", Set.of(Expr.RegexFlag.IGNORE_CASE)), "{'f':'bx'}"));
        assertThrows(IllegalArgumentException.class, () -> Matcher.compile(new Expr.Regex("f", "(", Set.of())));
    }

    @Test
    void fieldRefComparesTwoFieldsOfTheEvent() {
        Expr e = new Expr.FieldRef("a", "b", Expr.FieldRefKind.STARTS_WITH, CaseMode.INSENSITIVE);
        assertTrue(m(e, "{'a':'FooBar','b':'foo'}"));
        assertFalse(m(e, "{'a':'FooBar','b':'bar'}"));
        assertFalse(m(e, "{'a':'FooBar'}"));
    }

    @Test
    void keywordSearchesEveryValue() {
        Expr e = new Expr.Keyword(Pattern.of(Pattern.ANY_STRING, new Pattern.Text("mimi"), Pattern.ANY_STRING), CaseMode.INSENSITIVE);
        assertTrue(m(e, "{'a':{'b':['x','run MIMIkatz']}}"));
        assertFalse(m(e, "{'mimi':'x'}"));
    }

    @Test
    void nestedRequiresOneElementToSatisfyAll() {
        Expr inner = Expr.and(eq("items.name", "a"), new Expr.Match("price", new Literal.Num(BigDecimal.ONE), CaseMode.INSENSITIVE));
        Expr e = new Expr.Nested("items", inner);
        assertTrue(m(e, "{'items':[{'name':'a','price':1}]}"));
        assertFalse(m(e, "{'items':[{'name':'a','price':2},{'name':'b','price':1}]}"));
    }

    @Test
    void existsAndConst() {
        assertTrue(m(new Expr.Exists("a.b"), "{'a':{'b':''}}"));
        assertFalse(m(new Expr.Exists("a.b"), "{'a':{'b':null}}"));
        assertTrue(m(new Expr.Const(true), "{}"));
    }
}
