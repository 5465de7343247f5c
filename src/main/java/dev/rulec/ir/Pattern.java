package dev.rulec.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A string value as a sequence of literal text and wildcard tokens — never a string containing {@code *}.
 * Each target escapes the text and spells the wildcards itself.
 */
public record Pattern(List<Part> parts) {

    public Pattern {
        parts = normalize(parts);
    }

    public sealed interface Part {
    }

    /** Literal characters, matched as they are. */
    public record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text, "text is null");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty text part");
            }
        }
    }

    /** {@code *}: any run of characters, possibly empty. */
    public record AnyString() implements Part {
    }

    /** {@code ?}: exactly one character. */
    public record AnyChar() implements Part {
    }

    public static final AnyString ANY_STRING = new AnyString();
    public static final AnyChar ANY_CHAR = new AnyChar();

    /** A pattern matching exactly {@code s}, with no wildcards. */
    public static Pattern literal(String s) {
        return s.isEmpty() ? new Pattern(List.of()) : new Pattern(List.of(new Text(s)));
    }

    public static Pattern of(Part... parts) {
        return new Pattern(List.of(parts));
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> !(p instanceof Text));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The literal text when the pattern has no wildcards. */
    public java.util.Optional<String> literalText() {
        if (hasWildcards()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parts.isEmpty() ? "" : ((Text) parts.get(0)).text());
    }

    /** {@code *} alone: matches any value of the field. */
    public boolean isMatchAll() {
        return !parts.isEmpty() && parts.stream().allMatch(p -> p instanceof AnyString);
    }

    public Pattern prepend(Part p) {
        List<Part> l = new ArrayList<>(parts.size() + 1);
        l.add(p);
        l.addAll(parts);
        return new Pattern(l);
    }

    public Pattern append(Part p) {
        List<Part> l = new ArrayList<>(parts);
        l.add(p);
        return new Pattern(l);
    }

    /** Merges adjacent text parts and collapses runs of {@code *}, so equal patterns are equal records. */
    private static List<Part> normalize(List<Part> in) {
        List<Part> out = new ArrayList<>(in.size());
        for (Part p : in) {
            Objects.requireNonNull(p, "part is null");
            Part last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (p instanceof Text t && last instanceof Text lt) {
                out.set(out.size() - 1, new Text(lt.text() + t.text()));
            } else if (p instanceof AnyString && last instanceof AnyString) {
                continue;
            } else {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** A debugging form: wildcards as {@code *} and {@code ?}, literal ones backslash-escaped. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                for (char c : t.text().toCharArray()) {
                    if (c == '*' || c == '?' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(p instanceof AnyString ? '*' : '?');
            }
        }
        return sb.toString();
    }
}
