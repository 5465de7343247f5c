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

    @Provide
    Arbitrary<Pattern> patterns() {
        Arbitrary<Pattern.Part> part = Arbitraries.oneOf(
                Arbitraries.of("a", "b", ".", "\uD83D\uDE00").list().ofMinSize(1).ofMaxSize(3)
                        .map(l -> String.join("", l))
                        .map(Pattern.Text::new),
                Arbitraries.just(Pattern.ANY_STRING), Arbitraries.just(Pattern.ANY_CHAR));
        return part.list().ofMinSize(1).ofMaxSize(7).map(ps -> new Pattern(mergeTexts(ps)));
    }

    private static java.util.List<Pattern.Part> mergeTexts(java.util.List<Pattern.Part> ps) {
        java.util.List<Pattern.Part> out = new java.util.ArrayList<>();
        for (Pattern.Part p : ps) {
            if (p instanceof Pattern.Text t && !out.isEmpty() && out.get(out.size() - 1) instanceof Pattern.Text prev) {
                out.set(out.size() - 1, new Pattern.Text(prev.text() + t.text()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Any mix of wildcards gives the verdict of the equivalent regular expression (one code point per '?'). */
    @Property(tries = 3000)
    void wildcardsMatchLikeTheEquivalentRegex(@ForAll("patterns") Pattern p,
                                             @ForAll("values") String value) {
        StringBuilder re = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            re.append(part instanceof Pattern.Text t ? java.util.regex.Pattern.quote(t.text())
                    : part instanceof Pattern.AnyString ? ".*" : ".");
        }
        boolean expected = java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.DOTALL).matcher(value).matches();
        assertEquals(expected, TextMatcher.compile(p, CaseMode.SENSITIVE).test(value), p + " on " + value);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("ab.\n").ofMaxLength(8)
                .flatMap(s -> Arbitraries.of(s, s + "\uD83D\uDE00", "\uD83D\uDE00" + s));
    }
}
