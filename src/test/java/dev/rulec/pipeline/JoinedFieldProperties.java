package dev.rulec.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Matcher;
import dev.rulec.ir.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The rewrite of a pattern on a joined value ({@code DOMAIN\name}) onto its two fields is exact: on every event of
 * the combined-field model (both parts present, neither holding the separator) the in-process matcher gives the
 * same answer for the original match on the joined field and for the rewrite on the parts; a refused pattern
 * never matches a joined value.
 */
class JoinedFieldProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JoinedField USER = new JoinedField("user.domain", "user.name", "\\");

    @Provide
    Arbitrary<String> part() {
        // few letters, both cases, so patterns and values often meet
        return Arbitraries.strings().withChars("aAbB .").ofMinLength(1).ofMaxLength(5);
    }

    @Provide
    Arbitrary<Pattern> pattern() {
        Arbitrary<Pattern.Part> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().withChars("aAbB .\\").ofMinLength(1).ofMaxLength(3)
                        .map(Pattern.Text::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Pattern.ANY_STRING)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Pattern.ANY_CHAR)));
        return token.list().ofMaxSize(6).map(Pattern::new);
    }

    @Property(tries = 3000)
    void rewriteMatchesExactlyWhatTheJoinedValueMatches(@ForAll("part") String domain, @ForAll("part") String name,
                                                        @ForAll("pattern") Pattern p, @ForAll boolean cased) {
        CaseMode cm = cased ? CaseMode.SENSITIVE : CaseMode.INSENSITIVE;
        boolean joined = matches(new Expr.Match("User", new Literal.Str(p), cm), event("User", domain + "\\" + name));
        JoinedField.Rewrite r = USER.match(p, cm);
        if (r.expr().isEmpty()) {
            assertFalse(joined, p + " was refused (" + r.reason() + ") but matches " + domain + "\\" + name);
            return;
        }
        ObjectNode split = event("user.domain", domain);
        split.put("user.name", name);
        assertEquals(joined, matches(r.expr().get(), split), p + " on " + domain + "\\" + name + " → " + r.expr().get());
    }

    @Property(tries = 300)
    void existsNeedsBothParts(@ForAll("part") String domain, @ForAll boolean withDomain, @ForAll boolean withName) {
        ObjectNode e = JSON.createObjectNode();
        if (withDomain) {
            e.put("user.domain", domain);
        }
        if (withName) {
            e.put("user.name", domain);
        }
        assertEquals(withDomain && withName, matches(USER.exists(), e));
    }

    private static boolean matches(Expr e, JsonNode event) {
        return Matcher.compile(e).matches(event);
    }

    private static ObjectNode event(String field, String value) {
        ObjectNode n = JSON.createObjectNode();
        n.put(field, value);
        return n;
    }

    @Property(tries = 1)
    void patternArbitraryCoversTheInterestingShapes() {
        // a guard that the generator can produce separators and both wildcards (else the property proves little)
        List<Pattern> samples = pattern().sampleStream().limit(2000).toList();
        assertEquals(true, samples.stream().anyMatch(p -> p.toString().contains("\\\\")));
        assertEquals(true, samples.stream().anyMatch(p -> p.parts().contains(Pattern.ANY_CHAR)));
        assertEquals(true, samples.stream().anyMatch(p -> p.parts().contains(Pattern.ANY_STRING)));
    }
}
