package dev.rulec.lang.esql;

import java.util.Optional;

/**
 * Refuses queries nested deeper than a parser should follow, before parsing: ANTLR's prediction grows badly with depth
 * and recursion could overflow the stack. Counts {@code ( [ {} outside strings, quoted identifiers and comments.
 */
public final class NestingGuard {
    private NestingGuard() {
    }

    /** Deeper than any real query (the corpus peaks near 10); Elasticsearch itself stops at 400 expression levels. */
    public static final int MAX_DEPTH = 100;

    /** Where the nesting first goes too deep: {line, column}, 1-based. */
    public static Optional<int[]> tooDeep(String text) {
        int depth = 0;
        int line = 1;
        int col = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '\n') {
                line++;
                col = 0;
                continue;
            }
            if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    i++;
                    col++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '`' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return Optional.of(new int[] {line, col});
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return Optional.empty();
    }
}
