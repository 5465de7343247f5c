package dev.rulec.ir.regex;

import java.util.List;

/**
 * A parsed Sigma (PCRE-like) regular expression: only the constructs every target can be asked about.
 * Character classes and shorthands ({@code \d}, {@code [^a-z]}) are resolved into code-point ranges.
 */
public sealed interface RegexNode {

    /** One of several alternatives. */
    record Alt(List<RegexNode> options) implements RegexNode {
        public Alt {
            options = List.copyOf(options);
        }
    }

    /** A sequence, possibly empty. */
    record Seq(List<RegexNode> items) implements RegexNode {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** {@code min} to {@code max} repetitions; {@code max < 0} is unbounded. Lazy quantifiers become these too. */
    record Repeat(RegexNode node, int min, int max) implements RegexNode {
    }

    /** One code point. */
    record Char(int codePoint) implements RegexNode {
    }

    /** A character class: the union of the inclusive ranges, or its complement. */
    record CharSet(List<int[]> ranges, boolean negated) implements RegexNode {
        public CharSet {
            ranges = List.copyOf(ranges);
        }

        public boolean contains(int cp) {
            boolean in = false;
            for (int[] r : ranges) {
                if (cp >= r[0] && cp <= r[1]) {
                    in = true;
                    break;
                }
            }
            return in != negated;
        }
    }

    /** {@code .}: any character but a newline, or any character at all with the dot-all flag. */
    record Dot() implements RegexNode {
    }

    /** {@code ^}: the start of the value (without the multi-line flag). */
    record Start() implements RegexNode {
    }

    /** {@code $}: the end of the value, or just before a final newline (PCRE's default). */
    record End() implements RegexNode {
    }
}
