package dev.rulec.ir.match;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The allocation-free ASCII paths give the same verdicts as comparing {@code toLowerCase(Locale.ROOT)} text. */
class TextMatcherTest {

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abkKsSiIİıſ\u212aé É*?").ofMaxLength(6);
    }

    @Property(tries = 2000)
    void foldingMatchesLowerCasedComparison(@ForAll("text") String value, @ForAll("text") String needle) {
        String lv = value.toLowerCase(Locale.ROOT);
        String ln = needle.toLowerCase(Locale.ROOT);
        Pattern.Text t = needle.isEmpty() ? null : new Pattern.Text(needle);
        if (t == null) {
            return;
        }
        assertEquals(lv.equals(ln), TextMatcher.compile(Pattern.of(t), CaseMode.INSENSITIVE).test(value));
        assertEquals(lv.startsWith(ln), TextMatcher.compile(Pattern.of(t, Pattern.ANY_STRING), CaseMode.INSENSITIVE).test(value));
        assertEquals(lv.endsWith(ln), TextMatcher.compile(Pattern.of(Pattern.ANY_STRING, t), CaseMode.INSENSITIVE).test(value));
        assertEquals(lv.contains(ln), TextMatcher.compile(Pattern.of(Pattern.ANY_STRING, t, Pattern.ANY_STRING), CaseMode.INSENSITIVE).test(value));
    }
}
