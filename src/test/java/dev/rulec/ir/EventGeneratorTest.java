package dev.rulec.ir;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventGeneratorTest {

    private static Expr contains(String f, String v) {
        return new Expr.Match(f, new Literal.Str(Pattern.of(Pattern.ANY_STRING, new Pattern.Text(v), Pattern.ANY_STRING)), CaseMode.INSENSITIVE);
    }

    private static final Expr RULE = Expr.and(
            new Expr.Match("event.provider", Literal.string("iam.amazonaws.com"), CaseMode.INSENSITIVE),
            Expr.or(contains("event.action", "Delete"), new Expr.Regex("process.command_line", "-enc\\s+[a-z0-9+/=]{8,}", Set.of(Expr.RegexFlag.IGNORE_CASE))),
            Expr.not(new Expr.Match("user.type", Literal.string("AWSService"), CaseMode.SENSITIVE)),
            new Expr.Range("n", Optional.of(new Expr.Bound(new Literal.Num(BigDecimal.TEN), false)), Optional.empty()),
            new Expr.Cidr("source.ip", "10.0.0.0/8"));

    @Test
    void positivesMatchAndNegativesDoNot() {
        EventGenerator.Events ev = EventGenerator.generate(RULE, 42);
        Matcher m = Matcher.compile(RULE);
        assertFalse(ev.positives().isEmpty());
        assertFalse(ev.negatives().isEmpty());
        ev.positives().forEach(e -> assertTrue(m.matches(e), e::toString));
        ev.negatives().forEach(e -> assertFalse(m.matches(e), e::toString));
    }

    @Test
    void negativesIncludeNearMissesOfEachTerm() {
        EventGenerator.Events ev = EventGenerator.generate(RULE, 42);
        assertTrue(ev.negatives().stream().anyMatch(e -> e.path("user.type").asText().equals("AWSService")));
        assertTrue(ev.negatives().stream().anyMatch(e -> !e.has("source.ip") && e.has("event.provider")));
        assertTrue(ev.positives().stream().anyMatch(e -> e.path("event.provider").asText().equals("IAM.AMAZONAWS.COM")));
    }

    @Test
    void isDeterministicForASeed() {
        assertEquals(EventGenerator.generate(RULE, 7), EventGenerator.generate(RULE, 7));
    }

    @Test
    void fieldRefAndKeywordGetPositives() {
        Expr e = Expr.and(new Expr.FieldRef("a", "b", Expr.FieldRefKind.ENDS_WITH, CaseMode.INSENSITIVE),
                new Expr.Keyword(Pattern.of(Pattern.ANY_STRING, new Pattern.Text("mimi"), Pattern.ANY_STRING), CaseMode.INSENSITIVE));
        assertFalse(EventGenerator.generate(e, 1).positives().isEmpty());
    }
}
