package dev.rulec.source.sigma;

import dev.rulec.ir.Pattern;
import dev.rulec.source.sigma.condition.ConditionParser;
import dev.rulec.source.sigma.condition.ConditionSyntaxException;
import dev.rulec.source.sigma.detection.SigmaStrings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sigma string escaping round-trips, and the condition parser never fails other than with a syntax error. */
class SigmaStringsProperties {

    @Provide
    Arbitrary<Pattern> patterns() {
        Arbitrary<Pattern.Part> text = Arbitraries.strings().withChars("ab\\*?\"' -/\u00e9\u4e2d").ofMinLength(1)
                .ofMaxLength(6).map(Pattern.Text::new);
        Arbitrary<Pattern.Part> part = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, text),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Pattern.ANY_STRING)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Pattern.ANY_CHAR)));
        return part.list().ofMaxSize(6).map(Pattern::new);
    }

    /** The specification's escaping: wildcards as they are, literal {@code * ? \} escaped. */
    private static String sigmaText(Pattern p) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                for (char c : t.text().toCharArray()) {
                    if (c == '*' || c == '?' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(part instanceof Pattern.AnyString ? '*' : '?');
            }
        }
        return sb.toString();
    }

    @Property
    void escapedTextParsesBackToThePattern(@ForAll("patterns") Pattern p) {
        assertEquals(p, SigmaStrings.parse(sigmaText(p)));
    }

    @Property
    void conditionParserOnlyEverReportsSyntaxErrors(@ForAll("conditions") String text) {
        try {
            ConditionParser.parse(text);
        } catch (ConditionSyntaxException e) {
            assertEquals(true, e.offset() >= 0 && e.offset() <= text.length(), "offset " + e.offset());
        }
    }

    @Provide
    Arbitrary<String> conditions() {
        Arbitrary<String> token = Arbitraries.of(List.of("a", "sel_*", "and", "or", "not", "(", ")", "1", "of", "all",
                "any", "them", "|", "$", " ", "x?"));
        return token.list().ofMaxSize(12).map(l -> String.join(" ", l));
    }
}
