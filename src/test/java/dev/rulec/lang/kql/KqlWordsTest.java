package dev.rulec.lang.kql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expectations taken from Elasticsearch 8.19's {@code _analyze} with the standard analyzer (lower-casing aside). */
class KqlWordsTest {
    @Test
    void splitsLikeTheStandardTokenizer() {
        assertEquals(List.of("beacon", "chain"), KqlWords.of("beacon-chain"));
        assertEquals(List.of("SourceType"), KqlWords.of("$SourceType,"));
        assertEquals(List.of("cHAr"), KqlWords.of("[cHAr]"));
        assertEquals(List.of("Paste"), KqlWords.of(".Paste"));
        assertEquals(List.of("a_b", "foo.bar", "1.2.3", "don't", "x", "y", "a:b"),
                KqlWords.of("a_b foo.bar 1.2.3 don't x/y a:b"));
        assertEquals(List.of("C", "Windows", "x.exe"), KqlWords.of("C:\\Windows\\x.exe"));
        assertEquals(List.of(), KqlWords.of("-- / !"));
    }
}
