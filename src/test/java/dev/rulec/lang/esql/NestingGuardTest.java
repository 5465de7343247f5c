package dev.rulec.lang.esql;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NestingGuardTest {

    @Test
    void aRunOfPrefixOperatorsCountsAsNesting() {
        assertTrue(NestingGuard.tooDeep("FROM a | WHERE " + "NOT ".repeat(100) + "true").isEmpty());
        Optional<int[]> deep = NestingGuard.tooDeep("FROM a | WHERE " + "not ".repeat(101) + "true");
        assertArrayEquals(new int[] {1, 16 + 4 * 100}, deep.orElseThrow());
        assertTrue(NestingGuard.tooDeep("ROW x = " + "- ".repeat(101) + "1").isPresent());
    }

    @Test
    void prefixOperatorsAddToTheBracketsTheyAreIn() {
        assertTrue(NestingGuard.tooDeep("ROW x = " + "(".repeat(60) + "-".repeat(41) + "1").isPresent());
        assertTrue(NestingGuard.tooDeep("ROW x = " + "(".repeat(60) + "-".repeat(40) + "1").isEmpty());
    }

    @Test
    void wordsThatOnlyStartWithNotAndBinaryOperatorsDoNotCount() {
        String q = "FROM a | WHERE " + "note == 1 AND a - 1 > 0 AND ".repeat(200) + "true";
        assertTrue(NestingGuard.tooDeep(q).isEmpty());
    }

    @Test
    void bracketsInsideStringsAndCommentsDoNotCount() {
        String many = "(".repeat(200);
        assertTrue(NestingGuard.tooDeep("ROW a = \"" + many + "\", b = \"\"\"x\"" + many + "\"\"\"").isEmpty());
        assertTrue(NestingGuard.tooDeep("FROM a /* " + many + " */ | WHERE `" + many + "` // " + many).isEmpty());
    }

    @Test
    void thePlaceReportedIsOnItsOwnLine() {
        Optional<int[]> deep = NestingGuard.tooDeep("FROM a\n| EVAL x = " + "(".repeat(101));
        assertArrayEquals(new int[] {2, 12 + 100}, deep.orElseThrow());
        assertEquals(18 + 100, NestingGuard.tooDeepAt("FROM a\n| EVAL x = " + "(".repeat(101)).getAsInt());
    }
}
