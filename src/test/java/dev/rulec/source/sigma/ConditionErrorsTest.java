package dev.rulec.source.sigma;

import dev.rulec.source.sigma.condition.Cond;
import dev.rulec.source.sigma.condition.ConditionParser;
import dev.rulec.source.sigma.condition.ConditionSyntaxException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.rulec.source.sigma.SigmaTestSupport.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Condition parse errors point at the offending character of the condition, as file:line:col. */
class ConditionErrorsTest {

    private static final String SEL = "    sel:\n        a: 1\n    other:\n        b: 2\n";

    @Test
    void undefinedSearchPointsAtTheName() {
        assertEquals(List.of("rule.yml:11:24: error: condition: [selx] is not a search of this detection"
                        + " (defined: sel, other) [sigma.undefined-search]"),
                errors(SEL + "    condition: sel and selx\n"));
    }

    @Test
    void patternMatchingNothingIsAnError() {
        assertEquals(List.of("rule.yml:11:16: error: condition: [filter_*] matches no search of this detection"
                        + " (defined: sel, other) [sigma.undefined-search]"),
                errors(SEL + "    condition: 1 of filter_*\n"));
    }

    @Test
    void missingOperandPointsAtTheEnd() {
        assertEquals(List.of("rule.yml:11:23: error: condition: unexpected end of condition"
                        + " [sigma.condition-syntax]"),
                errors(SEL + "    condition: sel and\n"));
    }

    @Test
    void unbalancedParenthesisPointsAtIt() {
        assertEquals(List.of("rule.yml:11:29: error: condition: mismatched input ')' expecting end of condition"
                        + " [sigma.condition-syntax]"),
                errors(SEL + "    condition: sel and other)\n"));
    }

    @Test
    void quotedConditionColumnsSkipTheQuote() {
        assertEquals(List.of("rule.yml:11:25: error: condition: [nope] is not a search of this detection"
                        + " (defined: sel, other) [sigma.undefined-search]"),
                errors(SEL + "    condition: 'sel and nope'\n"));
    }

    @Test
    void aggregationsAreRefusedWithAReason() {
        assertEquals(List.of("rule.yml:11:20: error: condition: aggregation expressions after '|' are not supported"
                        + " (Sigma v2 expresses them as correlation rules) [sigma.condition-syntax]"),
                errors(SEL + "    condition: sel | count() > 5\n"));
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesKeepTheirCase() throws ConditionSyntaxException {
        assertEquals(new Cond.And(new Cond.Ident("Sel", 0), new Cond.Not(new Cond.Ident("B", 12), 8), 0),
                ConditionParser.parse("Sel AND NOT B"));
        assertEquals(new Cond.Of(Cond.Quantifier.ALL, Optional.empty(), 0), ConditionParser.parse("ALL OF THEM"));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() throws ConditionSyntaxException {
        Cond c = ConditionParser.parse("a or not b and c");
        assertEquals(new Cond.Or(new Cond.Ident("a", 0),
                new Cond.And(new Cond.Not(new Cond.Ident("b", 9), 5), new Cond.Ident("c", 15), 5), 0), c);
    }

    @Test
    void deeplyNestedConditionIsRefusedNotACrash() {
        String deep = "(".repeat(30_000) + "a" + ")".repeat(30_000);
        assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse(deep));
    }
}
