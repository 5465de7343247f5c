package dev.rulec.ir.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {

    @Test
    void aStarMatchesAnyRunAndEveryOtherCharacterItself() {
        assertTrue(Glob.matches("logs-*", "logs-endpoint.events.process-default"));
        assertTrue(Glob.matches("*.name", "process.name"));
        assertTrue(Glob.matches("a*b*c", "aXbYbZc"));
        assertTrue(Glob.matches("*", ""));
        assertFalse(Glob.matches("a*b", "aXc"));
        assertFalse(Glob.matches("process.?ame", "process.name")); // '?' is not a wildcard here
        assertTrue(Glob.matches("process.?ame", "process.?ame"));
    }

    @Test
    void manyStarsAgainstANearMissAnswerWithoutBacktrackingEveryStar() {
        // the shape fuzzing found: a regular expression or naive recursion takes exponential time here
        String pattern = "*se" + "*".repeat(40) + "v".repeat(23) + "*".repeat(25) + "!";
        assertFalse(Glob.matches(pattern, "se" + "v".repeat(60) + "x".repeat(200)));
        assertTrue(Glob.matches(pattern, "xse" + "v".repeat(30) + "!"));
    }
}
