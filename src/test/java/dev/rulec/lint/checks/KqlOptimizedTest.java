package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KqlOptimizedTest {

    @Test
    void acceptsASimpleQuery() {
        assertEquals(List.of(), run(new KqlOptimized(), CLEAN,
                with("event.action: x", "event.action: (x or y) and not host.name: z")));
    }

    @Test
    void reportsDuplicateTermsAndDoubleNegation() {
        List<String> found = lines(run(new KqlOptimized(),
                with("event.action: x", "event.action: (x or y or x) and host.name: z and not (not host.name: z)")));
        assertEquals(1, found.size(), found::toString);
        assertEquals("r.toml:16:1: warning: the query has redundant parts (duplicate terms, double negation or nested "
                + "operators) (it is equivalent to: (event.action:(\\\"x\\\" or \\\"y\\\")) and host.name:\\\"z\\\") [kql-optimized]"
                .replace("\\\"", "\""), found.get(0));
    }
}
