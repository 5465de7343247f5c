package dev.rulec.source.sigma;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.rulec.source.sigma.SigmaTestSupport.errors;
import static dev.rulec.source.sigma.SigmaTestSupport.ir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detection semantics of Sigma specification v2.1, one behaviour per test: inline YAML → expected IR. */
class DetectionSemanticsTest {

    private static final CaseMode CI = CaseMode.INSENSITIVE;

    private static Expr match(String field, Pattern p) {
        return new Expr.Match(field, new Literal.Str(p), CI);
    }

    private static Expr match(String field, String text) {
        return match(field, Pattern.literal(text));
    }

    private static final Pattern.Part STAR = Pattern.ANY_STRING;

    @Test
    void mapsAreAndListsAreOr() {
        Expr e = ir("    sel:\n        a: x\n        b:\n            - y\n            - z\n    condition: sel\n");
        assertEquals(Expr.and(match("a", "x"), Expr.or(match("b", "y"), match("b", "z"))), e);
    }

    @Test
    void listOfMapsIsOr() {
        Expr e = ir("    sel:\n        - a: x\n        - b: y\n    condition: sel\n");
        assertEquals(Expr.or(match("a", "x"), match("b", "y")), e);
    }

    @Test
    void bareValuesAreKeywordSearches() {
        Expr e = ir("    keywords:\n        - 'evil'\n        - 'bad*'\n    condition: keywords\n");
        assertEquals(Expr.or(new Expr.Keyword(Pattern.literal("evil"), CI),
                new Expr.Keyword(Pattern.of(new Pattern.Text("bad"), STAR), CI)), e);
    }

    @Test
    void nullMeansTheFieldIsAbsent() {
        assertEquals(Expr.not(new Expr.Exists("a")), ir("    sel:\n        a: null\n    condition: sel\n"));
    }

    @Test
    void emptyStringMatchesTheEmptyValue() {
        assertEquals(match("a", ""), ir("    sel:\n        a: ''\n    condition: sel\n"));
    }

    @Test
    void wildcardsBecomePatternParts() {
        assertEquals(match("a", Pattern.of(new Pattern.Text("a"), STAR, new Pattern.Text("b"), Pattern.ANY_CHAR)),
                ir("    sel:\n        a: 'a*b?'\n    condition: sel\n"));
    }

    @Test
    void backslashEscapesWildcardsAndItself() {
        assertEquals(match("a", "a*b?c\\"), ir("    sel:\n        a: 'a\\*b\\?c\\\\'\n    condition: sel\n"));
    }

    @Test
    void backslashBeforeOtherCharactersIsLiteral() {
        assertEquals(match("a", "C:\\Windows\\x"), ir("    sel:\n        a: 'C:\\Windows\\x'\n    condition: sel\n"));
    }

    @Test
    void containsStartswithEndswithAddWildcards() {
        Expr e = ir("    sel:\n        a|contains: x\n        b|startswith: y\n        c|endswith: z\n    condition: sel\n");
        assertEquals(Expr.and(match("a", Pattern.of(STAR, new Pattern.Text("x"), STAR)),
                match("b", Pattern.of(new Pattern.Text("y"), STAR)),
                match("c", Pattern.of(STAR, new Pattern.Text("z")))), e);
    }

    @Test
    void allTurnsTheListIntoAnAnd() {
        Expr e = ir("    sel:\n        a|contains|all:\n            - x\n            - y\n    condition: sel\n");
        assertEquals(Expr.and(match("a", Pattern.of(STAR, new Pattern.Text("x"), STAR)),
                match("a", Pattern.of(STAR, new Pattern.Text("y"), STAR))), e);
    }

    @Test
    void casedMakesTheMatchCaseSensitive() {
        assertEquals(new Expr.Match("a", Literal.string("X"), CaseMode.SENSITIVE),
                ir("    sel:\n        a|cased: X\n    condition: sel\n"));
    }

    @Test
    void numbersStayNumbers() {
        assertEquals(new Expr.Match("EventID", Literal.Num.of(4624), CI),
                ir("    sel:\n        EventID: 4624\n    condition: sel\n"));
    }

    @Test
    void reWithFlags() {
        assertEquals(new Expr.Regex("a", "^x.*y$", Set.of(Expr.RegexFlag.IGNORE_CASE, Expr.RegexFlag.DOT_ALL)),
                ir("    sel:\n        a|re|i|s: '^x.*y$'\n    condition: sel\n"));
    }

    @Test
    void cidrV4AndV6() {
        Expr e = ir("    sel:\n        ip|cidr:\n            - 10.0.0.0/8\n            - 'fe80::/10'\n    condition: sel\n");
        assertEquals(Expr.or(new Expr.Cidr("ip", "10.0.0.0/8"), new Expr.Cidr("ip", "fe80::/10")), e);
    }

    @Test
    void base64EncodesTheValue() {
        assertEquals(match("a", "aHR0cDovLw=="), ir("    sel:\n        a|base64: 'http://'\n    condition: sel\n"));
    }

    @Test
    void base64offsetGivesThreeShiftedEncodings() {
        Expr e = ir("    sel:\n        a|base64offset|contains: 'http://'\n    condition: sel\n");
        assertEquals(Expr.or(match("a", Pattern.of(STAR, new Pattern.Text("aHR0cDovL"), STAR)),
                match("a", Pattern.of(STAR, new Pattern.Text("h0dHA6Ly"), STAR)),
                match("a", Pattern.of(STAR, new Pattern.Text("odHRwOi8v"), STAR))), e);
    }

    @Test
    void utf16leThenBase64() {
        assertEquals(match("a", "YQBiAA=="), ir("    sel:\n        a|utf16le|base64: 'ab'\n    condition: sel\n"));
        assertEquals(match("a", "YQBiAA=="), ir("    sel:\n        a|wide|base64: 'ab'\n    condition: sel\n"));
        assertEquals(match("a", "AGEAYg=="), ir("    sel:\n        a|utf16be|base64: 'ab'\n    condition: sel\n"));
        assertEquals(match("a", "//5hAGIA"), ir("    sel:\n        a|utf16|base64: 'ab'\n    condition: sel\n"));
    }

    @Test
    void windashVariesDashesAtTheStartOfFlags() {
        Expr e = ir("    sel:\n        a|windash: '-x'\n    condition: sel\n");
        assertEquals(Expr.or(match("a", "-x"), match("a", "/x"), match("a", "\u2013x"), match("a", "\u2014x"),
                match("a", "\u2015x")), e);
    }

    @Test
    void windashLeavesDashesInsideWords() {
        assertEquals(match("a", "a-b"), ir("    sel:\n        a|windash: 'a-b'\n    condition: sel\n"));
    }

    @Test
    void existsTrueAndFalse() {
        assertEquals(Expr.and(new Expr.Exists("a"), Expr.not(new Expr.Exists("b"))),
                ir("    sel:\n        a|exists: true\n        b|exists: false\n    condition: sel\n"));
    }

    @Test
    void fieldrefComparesTwoFields() {
        assertEquals(new Expr.FieldRef("a", "b", Expr.FieldRefKind.ENDS_WITH, CI),
                ir("    sel:\n        a|fieldref|endswith: b\n    condition: sel\n"));
    }

    @Test
    void comparisonsBecomeRanges() {
        Expr e = ir("    sel:\n        a|gt: 5\n        b|lte: 7\n    condition: sel\n");
        assertEquals(Expr.and(
                new Expr.Range("a", Optional.of(new Expr.Bound(Literal.Num.of(5), false)), Optional.empty()),
                new Expr.Range("b", Optional.empty(), Optional.of(new Expr.Bound(Literal.Num.of(7), true)))), e);
    }

    @Test
    void neqNegatesTheMatch() {
        assertEquals(Expr.not(match("a", "x")), ir("    sel:\n        a|neq: x\n    condition: sel\n"));
    }

    @Test
    void neqWithAListMeansEqualToNoneOfTheValues() {
        assertEquals(Expr.not(Expr.or(match("a", "x"), match("a", "y"))),
                ir("    sel:\n        a|neq:\n            - x\n            - y\n    condition: sel\n"));
    }

    @Test
    void allWithASingleValueIsAnError() {
        assertEquals(List.of("rule.yml:8:9: error: modifier [all] needs a list of at least two values (specification"
                        + " v2.1) (drop |all, or repeat the field in another search) [sigma.invalid-modifier]"),
                errors("    sel:\n        a|contains|all: x\n    condition: sel\n"));
    }

    @Test
    void windashAlsoVariesDashLookalikesWritten() {
        Expr e = ir("    sel:\n        a|windash: '\u2013x'\n    condition: sel\n");
        assertEquals(Expr.or(match("a", "-x"), match("a", "/x"), match("a", "\u2013x"), match("a", "\u2014x"),
                match("a", "\u2015x")), e);
    }

    @Test
    void conditionOperatorsAndPrecedence() {
        Expr e = ir("    a:\n        f: 1\n    b:\n        g: 2\n    c:\n        h: 3\n"
                + "    condition: not a and b or c\n");
        Expr a = new Expr.Match("f", Literal.Num.of(1), CI);
        Expr b = new Expr.Match("g", Literal.Num.of(2), CI);
        Expr c = new Expr.Match("h", Literal.Num.of(3), CI);
        assertEquals(Expr.or(Expr.and(Expr.not(a), b), c), e);
    }

    @Test
    void oneOfAndAllOfWithPatternsAndThem() {
        String det = "    sel_a:\n        f: x\n    sel_b:\n        g: y\n    _hidden:\n        h: z\n";
        assertEquals(Expr.or(match("f", "x"), match("g", "y")), ir(det + "    condition: 1 of sel_*\n"));
        assertEquals(Expr.and(match("f", "x"), match("g", "y")), ir(det + "    condition: all of them\n"));
        assertEquals(Expr.or(match("f", "x"), match("g", "y")), ir(det + "    condition: any of them\n"));
    }

    @Test
    void unknownModifierIsAPositionedErrorSuggestingTheNearestModifier() {
        assertEquals(List.of("rule.yml:8:9: error: unknown modifier [contain] (did you mean [contains]? known"
                        + " modifiers: contains, startswith,"
                        + " endswith, base64, base64offset, utf16le, utf16be, utf16, wide, windash, expand, re, cidr,"
                        + " exists, fieldref, gt, gte, lt, lte, minute, hour, day, week, month, year, all, cased, neq,"
                        + " i, m, s) [sigma.unknown-modifier]"),
                errors("    sel:\n        a|contain: x\n    condition: sel\n"));
    }

    @Test
    void invalidCombinationsAreErrors() {
        assertEquals(List.of("rule.yml:8:9: error: only one of contains, startswith and endswith may be given"
                        + " [sigma.invalid-modifier]"),
                errors("    sel:\n        a|contains|endswith: x\n    condition: sel\n"));
        assertEquals(List.of("rule.yml:8:9: error: modifier [re] cannot be combined with [contains]"
                        + " [sigma.invalid-modifier]"),
                errors("    sel:\n        a|contains|re: x\n    condition: sel\n"));
        assertEquals(List.of("rule.yml:8:9: error: modifier [i] is a regular-expression flag and needs [re]"
                        + " [sigma.invalid-modifier]"),
                errors("    sel:\n        a|contains|i: x\n    condition: sel\n"));
        assertEquals(List.of("rule.yml:8:9: error: modifier [utf16le] must be followed by [base64] or [base64offset]"
                        + " [sigma.invalid-modifier]"),
                errors("    sel:\n        a|utf16le: x\n    condition: sel\n"));
    }

    @Test
    void base64OfAWildcardIsAnError() {
        assertEquals(List.of("rule.yml:8:19: error: modifier [base64] encodes the value, so it cannot contain"
                        + " wildcards (apply contains/startswith/endswith after the encoding) [sigma.invalid-modifier]"),
                errors("    sel:\n        a|base64: 'x*'\n    condition: sel\n"));
    }

    @Test
    void datePartModifiersAreErrorsWithAReason() {
        List<String> e = errors("    sel:\n        t|hour: 3\n    condition: sel\n");
        assertEquals(1, e.size());
        assertTrue(e.get(0).startsWith("rule.yml:8:17: error: modifier [hour] compares a part of a date"), e.get(0));
    }

    @Test
    void invalidCidrIsAnError() {
        assertEquals(List.of("rule.yml:8:17: error: [10.0.0.300/8] is not a CIDR block: an IPv4 octet is above 255"
                        + " [sigma.invalid-cidr]"),
                errors("    sel:\n        a|cidr: 10.0.0.300/8\n    condition: sel\n"));
    }

    @Test
    void expandReplacesPlaceholdersFromTheValuesFile() {
        dev.rulec.diag.Diagnostics d = new dev.rulec.diag.Diagnostics();
        var fe = new SigmaFrontEnd(dev.rulec.pipeline.PipelineSet.empty())
                .withPlaceholders(java.util.Map.of("admins", List.of("root", "adm*")));
        var p = fe.parseText(SigmaTestSupport.rule("    sel:\n        u|expand: '%admins%'\n    condition: sel\n"),
                "rule.yml", d);
        assertEquals(Expr.or(match("u", "root"), match("u", Pattern.of(new Pattern.Text("adm"), STAR))),
                p.rules().get(0).detection());
    }

    @Test
    void unresolvedPlaceholderIsAnError() {
        assertEquals(List.of("rule.yml:8:19: error: placeholder [%admins%] has no values (define it in the values"
                        + " file) [sigma.unresolved-placeholder]"),
                errors("    sel:\n        u|expand: '%admins%'\n    condition: sel\n"));
    }

    @Test
    void missingIdIsAnError() {
        assertEquals(List.of("rule.yml:1:1: error: the rule has no [id]; it becomes the Kibana rule_id (add id: <a UUID>)"
                        + " [sigma.missing-id]"),
                SigmaTestSupport.errorsOfDocument("title: t\nlevel: low\ndetection:\n    s:\n        a: 1\n"
                        + "    condition: s\n"));
    }
}
