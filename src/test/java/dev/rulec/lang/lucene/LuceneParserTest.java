package dev.rulec.lang.lucene;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Pattern;
import dev.rulec.lang.lucene.LuceneQuery.Bool;
import dev.rulec.lang.lucene.LuceneQuery.Clause;
import dev.rulec.lang.lucene.LuceneQuery.Compare;
import dev.rulec.lang.lucene.LuceneQuery.Conjunction;
import dev.rulec.lang.lucene.LuceneQuery.Exists;
import dev.rulec.lang.lucene.LuceneQuery.Fuzzy;
import dev.rulec.lang.lucene.LuceneQuery.Group;
import dev.rulec.lang.lucene.LuceneQuery.Modifier;
import dev.rulec.lang.lucene.LuceneQuery.Phrase;
import dev.rulec.lang.lucene.LuceneQuery.Range;
import dev.rulec.lang.lucene.LuceneQuery.Regexp;
import dev.rulec.lang.lucene.LuceneQuery.Term;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuceneParserTest {

    private static final SourcePos START = new SourcePos("rule.toml", 10, 5);

    static Bool parse(String q) {
        Diagnostics d = new Diagnostics();
        Optional<Bool> b = LuceneParser.parse(q, START, d);
        assertTrue(b.isPresent(), () -> q + " → " + d.all());
        Bool again = LuceneParser.parse(LuceneFormatter.format(b.get()), START, d)
                .orElseThrow(() -> new AssertionError(LuceneFormatter.format(b.get()) + " → " + d.all()));
        assertEquals(b.get(), again, () -> "format(parse(x)) = " + LuceneFormatter.format(b.get()));
        return b.get();
    }

    /** The only clause of a query. */
    static LuceneQuery one(String q) {
        Bool b = parse(q);
        assertEquals(1, b.clauses().size(), () -> b.toString());
        return b.clauses().get(0).query();
    }

    static String error(String q) {
        Diagnostics d = new Diagnostics();
        Optional<Bool> b = LuceneParser.parse(q, START, d);
        assertTrue(b.isEmpty(), () -> q + " parsed as " + b);
        assertEquals(1, d.all().size(), () -> d.all().toString());
        return d.all().get(0).format();
    }

    static Term term(String field, String value) {
        return new Term(Optional.ofNullable(field), Pattern.literal(value), Optional.empty(), Optional.empty());
    }

    static Bool bool(Object... modsAndQueries) {
        List<Clause> clauses = new ArrayList<>();
        Conjunction conj = Conjunction.NONE;
        Modifier mod = Modifier.NONE;
        for (Object o : modsAndQueries) {
            if (o instanceof Conjunction c) {
                conj = c;
            } else if (o instanceof Modifier m) {
                mod = m;
            } else {
                clauses.add(new Clause(clauses.isEmpty() ? Conjunction.NONE : conj, mod, (LuceneQuery) o));
                conj = Conjunction.OR;
                mod = Modifier.NONE;
            }
        }
        return new Bool(clauses);
    }

    @Test
    void readsFieldTermsAndBareTerms() {
        assertEquals(bool(term("event.action", "ConsoleLogin"), term(null, "quick")),
                parse("event.action:ConsoleLogin quick"));
    }

    @Test
    void foldsOperatorSpellings() {
        Bool words = parse("a AND b OR NOT c");
        assertEquals(words, parse("a && b || !c"));
        assertEquals(bool(term(null, "a"), Conjunction.AND, term(null, "b"), Conjunction.OR, Modifier.PROHIBITED,
                term(null, "c")), words);
        assertEquals(parse("a -c"), parse("a NOT c"));
        assertEquals(bool(Modifier.REQUIRED, term(null, "a"), Modifier.PROHIBITED, term(null, "b")), parse("+a -b"));
    }

    @Test
    void operatorsAreCaseSensitiveAndLongestMatchMakesTerms() {
        assertEquals(bool(term(null, "a"), term(null, "and"), term(null, "b")), parse("a and b"));
        assertEquals(bool(term(null, "ANDY"), term(null, "&&b"), term(null, "a-b"), term(null, "a+b")),
                parse("ANDY &&b a-b a+b"));
    }

    @Test
    void readsAnOperatorCharacterFollowedByWhitespaceAsATerm() {
        assertEquals(bool(term(null, "a"), term(null, "+"), term(null, "b"), term(null, "!"), term(null, "c")),
                parse("a + b ! c"));
    }

    @Test
    void readsFieldGroupsWithBoosts() {
        Group g = new Group(Optional.of("title"), bool(term(null, "quick"), Conjunction.OR, term(null, "brown")),
                Optional.of(new BigDecimal("2")));
        assertEquals(g, one("title:(quick OR brown)^2"));
        assertEquals(new Group(Optional.empty(), bool(term(null, "a")), Optional.empty()), one("(a)"));
    }

    @Test
    void readsPhrasesWithSlopAndBoost() {
        assertEquals(new Phrase(Optional.of("f"), "a \"b\" c\\", 2, Optional.of(new BigDecimal("1.5"))),
                one("f:\"a \\\"b\\\" c\\\\\"~2^1.5"));
        assertEquals(new Phrase(Optional.empty(), "x", 0, Optional.empty()), one("\"x\"~"));
        assertEquals(one("\"x y\"~3.7^2"), one("\"x y\"^2~3"));
        assertEquals(new Phrase(Optional.empty(), "", 0, Optional.empty()), one("\"\""));
    }

    @Test
    void readsWildcardsPrefixesAndStars() {
        assertEquals(new Term(Optional.of("f"), Pattern.of(new Pattern.Text("qu"), Pattern.ANY_CHAR,
                new Pattern.Text("ck"), Pattern.ANY_STRING), Optional.empty(), Optional.empty()), one("f:qu?ck*"));
        assertEquals(new Term(Optional.of("f"), Pattern.of(new Pattern.Text("a b"), Pattern.ANY_STRING),
                Optional.empty(), Optional.empty()), one("f:a\\ b*"));
        assertEquals(new Term(Optional.of("f"), Pattern.of(Pattern.ANY_STRING, new Pattern.Text("x*")),
                Optional.empty(), Optional.empty()), one("f:*x\\*"));
        assertEquals(new Term(Optional.of("*"), Pattern.of(Pattern.ANY_STRING), Optional.empty(), Optional.empty()),
                one("*:*"));
        assertEquals(term("f", "*"), one("f:\\*"));
    }

    @Test
    void readsRegexpsAsWritten() {
        assertEquals(new Regexp(Optional.of("f"), "a\\/b.*[0-9]{2}", Optional.empty()), one("f:/a\\/b.*[0-9]{2}/"));
        assertEquals(new Regexp(Optional.empty(), "joh?n(ath[oa]n)", Optional.of(new BigDecimal("3"))),
                one("/joh?n(ath[oa]n)/^3"));
    }

    @Test
    void readsRangesWithMixedBracketsOpenAndQuotedBounds() {
        assertEquals(new Range(Optional.of("n"), Optional.of("1"), Optional.of("5"), true, false, Optional.empty()),
                one("n:[1 TO 5}"));
        assertEquals(new Range(Optional.of("d"), Optional.empty(), Optional.of("2012-01-01"), false, true,
                Optional.empty()), one("d:{* TO 2012-01-01]"));
        assertEquals(new Range(Optional.of("s"), Optional.of("*"), Optional.of("a b\"c"), true, true,
                Optional.of(new BigDecimal("2"))), one("s:[\"*\" TO \"a b\\\"c\"]^2"));
        assertEquals(new Range(Optional.of("n"), Optional.of("-5"), Optional.of("TO"), true, true, Optional.empty()),
                one("n:[\\-5 TO TO]"));
    }

    @Test
    void readsComparisonsOnAFieldAsElasticsearchDoes() {
        assertEquals(new Compare(Optional.of("age"), Compare.Op.GE, "10", Optional.empty()), one("age:>=10"));
        assertEquals(new Compare(Optional.of("age"), Compare.Op.LT, "20", Optional.empty()), one("age:<20"));
        assertEquals(new Compare(Optional.of("age"), Compare.Op.GT, "x", Optional.empty()), one("age:\\>x"));
        assertEquals(new Compare(Optional.of("a"), Compare.Op.GT, "=", Optional.empty()), one("a:>="));
        assertEquals(bool(new Compare(Optional.empty(), Compare.Op.GE, "10", Optional.empty()), Conjunction.AND,
                new Compare(Optional.empty(), Compare.Op.LE, "20", Optional.empty())),
                ((Group) one("age:(>=10 AND <=20)")).query());
        assertEquals(term("a", ">"), one("a:>"));
        assertEquals(new Term(Optional.of("a"), Pattern.of(new Pattern.Text(">x"), Pattern.ANY_STRING),
                Optional.empty(), Optional.empty()), one("a:>x*"));
    }

    @Test
    void readsExistsAndFieldNamesWithEscapesAndStars() {
        assertEquals(new Exists("user.name"), one("_exists_:user.name"));
        assertEquals(term("book.*", "x"), one("book.\\*:x"));
        assertEquals(term("a b:c", "x"), one("a\\ b\\:c:x"));
        assertEquals(term("ä", "x"), one("\\u00e4:x"));
    }

    @Test
    void readsFuzzinessAndBoostsInEitherOrder() {
        Term t = new Term(Optional.of("f"), Pattern.literal("quikc"), Optional.of(new Fuzzy("1")),
                Optional.of(new BigDecimal("2")));
        assertEquals(t, one("f:quikc~1^2"));
        assertEquals(t, one("f:quikc^2~1"));
        assertEquals(new Term(Optional.empty(), Pattern.literal(">5"), Optional.of(new Fuzzy("")), Optional.empty()),
                one(">5~"));
        for (String ok : List.of("a~0", "a~2.0", "a~AUTO", "a~auto")) {
            one(ok);
        }
        // Lucene reads any term characters after ~; Elasticsearch takes 0, 1, 2 or AUTO.
        assertEquals("rule.toml:10:6: error: Elasticsearch takes no fuzziness [0.5] (write ~ alone, ~0, ~1, ~2 (edits)"
                + " or ~AUTO) [lucene.fuzzy]", error("a~0.5"));
        for (String bad : List.of("a~3", "a~x", "a~AUTO:6,3", "a~1.5", "scrip~t_block_text:x")) {
            error(bad);
        }
        assertEquals(new Phrase(Optional.empty(), "x", 0, Optional.empty()), one("\"x\"~abc"));
    }

    @Test
    void decodesEscapesOfEverySpecialCharacter() {
        String special = "+-=&|><!(){}[]^\"~*?:\\/ ";
        StringBuilder q = new StringBuilder("x");
        for (char c : special.toCharArray()) {
            q.append('\\').append(c);
        }
        assertEquals(term(null, "x" + special), one(q.toString()));
        assertEquals(term(null, "AND"), one("\\AND"));
        assertEquals(term(null, "A"), one("\\u0041"));
    }

    @Test
    void readsTheEmptyQueryAsNoClauses() {
        assertEquals(new Bool(List.of()), parse(""));
        assertEquals(new Bool(List.of()), parse(" \t\n"));
    }

    @Test
    void reportsSyntaxErrorsAtTheirPlaceInTheFile() {
        assertEquals("rule.toml:10:10: error: unexpected end of query, expecting one of <modifier>, <term>, ("
                + " [lucene.syntax]", error("a AND"));
        assertEquals("rule.toml:10:5: error: unexpected [AND], expecting one of end of query, <modifier>, <term>, ("
                + " (escape it with a backslash to mean the text itself) [lucene.syntax]", error("AND a"));
        assertEquals("rule.toml:10:10: error: unexpected [)], expecting end of query"
                + " (escape it with a backslash to mean the text itself) [lucene.syntax]", error("(a b))"));
        assertEquals("rule.toml:10:9: error: unexpected end of query, expecting ) [lucene.syntax]", error("(a b"));
        assertEquals("rule.toml:10:7: error: unterminated quoted string (close it with \"; write \\\" for a"
                + " quote inside it) [lucene.syntax]", error("a \"b c"));
    }

    @Test
    void refusesWhatLuceneRefuses() {
        for (String q : List.of("a:b:c", "NOT NOT a", "--a", "+-a", "a:", "()", "a^", "a^x", "a]", "a}", "a/b",
                "[a TO]", "[a b]", "[a TO b", "a OR OR b", "f:(a", "a\\", "\"a", "/a", "a~1.5", "\\u12", "\\u00g1", "a^ 2", "a:b*\\u12",
                "a:[1 TO 2] b:{x TO y", "a && || b")) {
            error(q);
        }
    }

    @Test
    void reportsBadEscapesAtTheBackslash() {
        assertEquals("rule.toml:10:8: error: the unicode escape [\\u12] is shorter than \\uXXXX"
                + " (write \\\\ for a backslash) [lucene.bad-escape]", error("abc\\u12"));
        assertEquals("rule.toml:10:9: error: the unicode escape [\\u0g] is shorter than \\uXXXX (write \\\\ for a"
                + " backslash) [lucene.bad-escape]", error("a:b*\\u0g"));
    }

    @Test
    void refusesDeepNestingBeforeParsing() {
        String deep = "(".repeat(LuceneParser.MAX_NESTING + 1) + "a" + ")".repeat(LuceneParser.MAX_NESTING + 1);
        assertEquals("rule.toml:10:105: error: parentheses nest more than 100 deep (simplify the query)"
                + " [lucene.too-deep]", error(deep));
        String ok = "(".repeat(LuceneParser.MAX_NESTING) + "a" + ")".repeat(LuceneParser.MAX_NESTING);
        parse(ok);
    }

    @Test
    void placesErrorsOnLaterLinesAndAfterSupplementaryCharacters() {
        assertEquals("rule.toml:11:6: error: unexpected end of query, expecting one of <modifier>, <term>, ("
                + " [lucene.syntax]", error("a\nb AND"));
        assertEquals("rule.toml:10:10: error: unexpected character [}] (escape it with a backslash to mean the"
                + " character itself) [lucene.syntax]", error("😀😀 a }"));
    }
}
