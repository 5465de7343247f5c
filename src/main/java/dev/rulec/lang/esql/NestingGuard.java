package dev.rulec.lang.esql;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Refuses ES|QL and EQL queries nested deeper than a parser should follow, before parsing: ANTLR's prediction grows badly
 * with depth and its recursive descent could overflow the stack. Each open {@code ( [ {} is a level, and so is each
 * prefix operator of a run ({@code NOT NOT x}, {@code - - 1}): the parser recurses once per operator. Strings ({@code "},
 * {@code """}, {@code '}), quoted identifiers and comments ({@code //}, {@code /* *\/}) are skipped. Long chains of
 * binary operators parse without recursion; the AST builders cap those ({@link #MAX_EXPRESSION_DEPTH}).
 */
public final class NestingGuard {
    private NestingGuard() {
    }

    /** Deeper than any real query (the corpus peaks near 10); Elasticsearch itself stops at 400 expression levels. */
    public static final int MAX_DEPTH = 100;

    /**
     * How deep the AST builders let an expression tree grow, chains of binary operators included (a chain of n {@code OR}s
     * is n levels): Elasticsearch's ES|QL parser refuses expressions deeper than 400 levels too.
     */
    public static final int MAX_EXPRESSION_DEPTH = 400;

    /** Where the nesting first goes too deep: {line, column}, 1-based. */
    public static Optional<int[]> tooDeep(String text) {
        OptionalInt at = tooDeepAt(text);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at.getAsInt(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Optional.of(new int[] {line, at.getAsInt() - lineStart + 1});
    }

    /** The char index where the nesting first goes too deep. */
    public static OptionalInt tooDeepAt(String text) {
        return new Scan(text).run();
    }

    private static final class Scan {
        private final String text;
        private int i;

        Scan(String text) {
            this.text = text;
        }

        OptionalInt run() {
            int depth = 0;
            int prefixRun = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int at = i;
                if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
                    i++;
                    continue;
                }
                if (c == '"' || c == '`' || c == '\'') {
                    skipQuoted(c);
                    prefixRun = 0;
                    continue;
                }
                if (c == '/' && peek(1) == '/') {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                    continue;
                }
                if (c == '/' && peek(1) == '*') {
                    i += 2;
                    while (i < text.length() && !(text.charAt(i) == '*' && peek(1) == '/')) {
                        i++;
                    }
                    i = Math.min(text.length(), i + 2);
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                    prefixRun = 0;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                    prefixRun = 0;
                } else if (c == '-' || c == '+') {
                    prefixRun++;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '?') {
                    int end = i;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                        end++;
                    }
                    boolean not = end - i == 3 && text.regionMatches(true, i, "not", 0, 3);
                    prefixRun = not ? prefixRun + 1 : 0;
                    i = Math.max(end, i + 1);
                    if (depth + prefixRun > MAX_DEPTH) {
                        return OptionalInt.of(at);
                    }
                    continue;
                } else {
                    prefixRun = 0;
                }
                i++;
                if (depth + prefixRun > MAX_DEPTH) {
                    return OptionalInt.of(at);
                }
            }
            return OptionalInt.empty();
        }

        /** Skips a quoted string or identifier; {@code """…"""} is a triple-quoted ES|QL or EQL string. */
        private void skipQuoted(char quote) {
            boolean triple = quote == '"' && peek(1) == '"' && peek(2) == '"';
            i += triple ? 3 : 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (triple) {
                    if (c == '"' && peek(1) == '"' && peek(2) == '"') {
                        i += 3;
                        return;
                    }
                } else if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    i++;
                    return;
                }
                i++;
            }
        }

        private char peek(int ahead) {
            return i + ahead < text.length() ? text.charAt(i + ahead) : 0;
        }
    }
}
