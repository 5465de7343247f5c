package dev.rulec.ir.match;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Pattern;

import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link Pattern} compiled once into a string test: plain equality, prefix, suffix and substring tests where the
 * wildcards allow it, a {@link java.util.regex.Pattern} only for the general case. Case-insensitive tests compare
 * {@link Values#lower lower-cased} text.
 */
final class TextMatcher {
    private TextMatcher() {
    }

    static Predicate<String> compile(Pattern pattern, CaseMode mode) {
        boolean fold = mode == CaseMode.INSENSITIVE;
        Pattern p = fold ? lowered(pattern) : pattern;
        Predicate<String> raw = compileExact(p);
        if (!fold) {
            return raw;
        }
        Predicate<String> ascii = asciiFolding(p);
        if (ascii == null) {
            return s -> raw.test(Values.lower(s));
        }
        // ASCII pattern and ASCII value: ASCII case-insensitive comparison equals comparing lower-cased text.
        return s -> isAscii(s) ? ascii.test(s) : raw.test(Values.lower(s));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Allocation-free tests for the common shapes of a lower-cased ASCII pattern; null for other shapes. */
    private static Predicate<String> asciiFolding(Pattern p) {
        List<Pattern.Part> parts = p.parts();
        if (!isAscii(p.toString())) {
            return null;
        }
        int n = parts.size();
        if (n == 1 && parts.get(0) instanceof Pattern.Text t) {
            String x = t.text();
            return s -> s.length() == x.length() && s.regionMatches(true, 0, x, 0, x.length());
        }
        boolean anyFirst = n > 0 && parts.get(0) instanceof Pattern.AnyString;
        boolean anyLast = n > 0 && parts.get(n - 1) instanceof Pattern.AnyString;
        if (n == 2 && anyFirst && parts.get(1) instanceof Pattern.Text t) {
            String x = t.text();
            return s -> s.length() >= x.length() && s.regionMatches(true, s.length() - x.length(), x, 0, x.length());
        }
        if (n == 2 && anyLast && parts.get(0) instanceof Pattern.Text t) {
            String x = t.text();
            return s -> s.regionMatches(true, 0, x, 0, x.length());
        }
        if (n == 3 && anyFirst && anyLast && parts.get(1) instanceof Pattern.Text t) {
            String x = t.text();
            return s -> {
                for (int i = 0, last = s.length() - x.length(); i <= last; i++) {
                    if (s.regionMatches(true, i, x, 0, x.length())) {
                        return true;
                    }
                }
                return false;
            };
        }
        return null;
    }

    private static Pattern lowered(Pattern p) {
        List<Pattern.Part> parts = p.parts().stream()
                .map(part -> part instanceof Pattern.Text t ? (Pattern.Part) new Pattern.Text(Values.lower(t.text())) : part)
                .toList();
        return new Pattern(parts);
    }

    private static Predicate<String> compileExact(Pattern p) {
        List<Pattern.Part> parts = p.parts();
        if (parts.isEmpty()) {
            return String::isEmpty;
        }
        if (p.isMatchAll()) {
            return s -> true;
        }
        if (!p.hasWildcards()) {
            String t = ((Pattern.Text) parts.get(0)).text();
            return t::equals;
        }
        int n = parts.size();
        boolean anyFirst = parts.get(0) instanceof Pattern.AnyString;
        boolean anyLast = parts.get(n - 1) instanceof Pattern.AnyString;
        if (n == 2 && anyFirst && parts.get(1) instanceof Pattern.Text t) {
            String x = t.text();
            return s -> s.endsWith(x);
        }
        if (n == 2 && anyLast && parts.get(0) instanceof Pattern.Text t) {
            String x = t.text();
            return s -> s.startsWith(x);
        }
        if (n == 3 && anyFirst && anyLast && parts.get(1) instanceof Pattern.Text t) {
            String x = t.text();
            return s -> s.contains(x);
        }
        int[] tokens = tokens(parts);
        return s -> Glob.matches(tokens, s.codePoints().toArray());
    }

    /** The pattern as code points, with {@link Glob}'s tokens for its wildcards. */
    private static int[] tokens(List<Pattern.Part> parts) {
        java.util.stream.IntStream.Builder b = java.util.stream.IntStream.builder();
        for (Pattern.Part part : parts) {
            if (part instanceof Pattern.Text t) {
                t.text().codePoints().forEach(b::add);
            } else {
                b.add(part instanceof Pattern.AnyString ? Glob.ANY_STRING : Glob.ANY_CHAR);
            }
        }
        return b.build().toArray();
    }
}
