package dev.rulec.target.regex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.ir.EventGenerator;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;
import dev.rulec.ir.regex.RegexException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.RegExp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translation keeps the meaning: Lucene's own automaton for the translated regexp accepts exactly the strings in
 * which {@link java.util.regex.Pattern} (PCRE-like, via the matcher) finds the Sigma regex.
 */
class LuceneRegexTest {

    private static final Set<Expr.RegexFlag> NONE = Set.of();
    private static final Set<Expr.RegexFlag> I = Set.of(Expr.RegexFlag.IGNORE_CASE);

    private static final List<Expr.Regex> REGEXES = List.of(
            new Expr.Regex("f", "a.c", NONE),
            new Expr.Regex("f", "^abc$", NONE),
            new Expr.Regex("f", "^ab|cd$", NONE),
            new Expr.Regex("f", "\\d{2,3}-\\w+\\s?", NONE),
            new Expr.Regex("f", "[^a-c\\d]x", NONE),
            new Expr.Regex("f", "(?i)Get-[A-Z]+", NONE),
            new Expr.Regex("f", "get-(item|childitem)", I),
            new Expr.Regex("f", "[é-ê]z", I),
            new Expr.Regex("f", "a.*?b", NONE),
            new Expr.Regex("f", "\\x41\\u00e9\\t\\.\\*\\\\", NONE),
            new Expr.Regex("f", "\\Q*+?\\E!", NONE),
            new Expr.Regex("f", "(?:ab){2}c?$", NONE),
            new Expr.Regex("f", "x.y", Set.of(Expr.RegexFlag.DOT_ALL)),
            new Expr.Regex("f", "[\\]\\-^]+", NONE),
            new Expr.Regex("f", "(?<name>k)", I),
            new Expr.Regex("f", "#@&~<>\"", NONE),
            new Expr.Regex("f", "", NONE),
            new Expr.Regex("f", "(^|/)\\.[^./]", NONE),
            new Expr.Regex("f", "x(a|b$)", NONE),
            new Expr.Regex("f", "(^k|(^|-)z)x(y|$)", I));

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.strings().withChars("abcABCxyz019-_ .\n\té*\\!#@&~<>\"kK]^/").ofMaxLength(8);
    }

    private static final java.util.Map<Expr.Regex, CharacterRunAutomaton> AUTOMATA = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean lucene(Expr.Regex r, String s) throws RegexException {
        CharacterRunAutomaton a = AUTOMATA.get(r);
        if (a == null) {
            a = new CharacterRunAutomaton(new RegExp(LuceneRegex.translate(r.regex(), r.flags()), RegExp.ALL).toAutomaton());
            AUTOMATA.put(r, a);
        }
        return a.run(s);
    }

    private static boolean java(Expr.Regex r, String s) {
        return Matcher.compile(r).matches(new com.fasterxml.jackson.databind.node.ObjectNode(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance).put("f", s));
    }

    @Property(tries = 300)
    void randomStringsGetTheSameVerdict(@ForAll("strings") String s) throws RegexException {
        for (Expr.Regex r : REGEXES) {
            assertEquals(java(r, s), lucene(r, s), () -> r.regex() + " on [" + s + "]");
        }
    }

    @Test
    void generatedWitnessesAndNearMissesGetTheSameVerdict() throws RegexException {
        for (Expr.Regex r : REGEXES) {
            EventGenerator.Events ev = EventGenerator.generate(r, 11, 40);
            List<JsonNode> all = new ArrayList<>(ev.positives());
            all.addAll(ev.negatives());
            for (JsonNode e : all) {
                if (e.path("f").isTextual()) {
                    String s = e.path("f").textValue();
                    assertEquals(java(r, s), lucene(r, s), () -> r.regex() + " on [" + s + "]");
                }
            }
            assertTrue(!ev.positives().isEmpty() || r.regex().isEmpty(), r.regex());
        }
    }

    @Test
    void refusesWhatLuceneCannotExpress() {
        for (String re : List.of("a(?=b)", "(?<!a)b", "(a)\\1", "\\bword\\b", "a++", "x(?i)y", "a^b", "\\p{L}", "[[:alpha:]]")) {
            assertThrows(RegexException.class, () -> LuceneRegex.translate(re, NONE), re);
        }
    }

    @Test
    void refusesPatternsTooComplexToDeterminize() {
        RegexException e = assertThrows(RegexException.class,
                () -> LuceneRegex.translate("(a|b)[^\\n]{2,128} -x [^\\n]{1,64}z", NONE));
        assertTrue(e.getMessage().contains("too complex"), e.getMessage());
    }
}
