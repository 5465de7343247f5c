package dev.rulec.target.lucene;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** query_string terms for keys of a flattened field: phrases or prefixes, one per spelling ignoring case. */
class FlattenedKeysTest {

    @Test
    void spellingsFollowTheMatchersFoldingIncludingNonAsciiLetters() throws Exception {
        assertEquals(List.of("1É", "1é"), FlattenedKeys.spellings("1é"));
        assertEquals(List.of("K", "k", "\u212a"), FlattenedKeys.spellings("k"));
        assertEquals(List.of("-"), FlattenedKeys.spellings("-"));
    }

    @Test
    void exactValueIsAPhrasePerSpellingWithQuotesAndBackslashesEscaped() throws Exception {
        assertEquals("(\"A\\\"\\\\\" OR \"a\\\"\\\\\")", FlattenedKeys.pattern(Pattern.literal("a\"\\"), CaseMode.INSENSITIVE));
        assertEquals("\"a b\"", FlattenedKeys.pattern(Pattern.literal("a b"), CaseMode.SENSITIVE));
        assertEquals("\"\"", FlattenedKeys.pattern(Pattern.literal(""), CaseMode.INSENSITIVE));
    }

    @Test
    void trailingStarIsAPrefixWithSpecialCharactersEscaped() throws Exception {
        Pattern p = Pattern.of(new Pattern.Text("a *"), Pattern.ANY_STRING);
        assertEquals("(A\\ \\** OR a\\ \\**)", FlattenedKeys.pattern(p, CaseMode.INSENSITIVE));
    }

    @Test
    void otherWildcardsAndValuesWithTooManySpellingsAreRefused() {
        assertThrows(FlattenedKeys.Refused.class, () -> FlattenedKeys.pattern(
                Pattern.of(new Pattern.Text("a"), Pattern.ANY_CHAR), CaseMode.SENSITIVE));
        assertThrows(FlattenedKeys.Refused.class, () -> FlattenedKeys.pattern(
                Pattern.of(Pattern.ANY_STRING, new Pattern.Text("a")), CaseMode.SENSITIVE));
        FlattenedKeys.Refused r = assertThrows(FlattenedKeys.Refused.class,
                () -> FlattenedKeys.pattern(Pattern.literal("ConsoleLogin"), CaseMode.INSENSITIVE));
        assertTrue(r.getMessage().contains("more than 256"), r.getMessage());
    }

    @Test
    void caseSensitiveValueNeedsNoSpellingsWhateverItsLength() throws Exception {
        assertEquals("\"ConsoleLoginSuccess\"", FlattenedKeys.pattern(Pattern.literal("ConsoleLoginSuccess"), CaseMode.SENSITIVE));
    }
}
