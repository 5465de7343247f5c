package dev.rulec.source.toml;

import dev.rulec.diag.SourcePos;

import java.util.Optional;

/**
 * Refuses TOML whose arrays and inline tables nest deeper than any rule needs, before parsing: both TOML parsers rulec
 * uses (Jackson's and tomlj) descend recursively, so deep nesting would overflow the stack. Strings and comments are
 * skipped; table headers ({@code [rule]}, {@code [[rule.threat]]}) open and close on one line and stay shallow.
 */
final class TomlNesting {
    /** Detection-rules files nest at most three levels ({@code threat = [{technique = [{…}]}]}). */
    static final int MAX_DEPTH = 100;

    private TomlNesting() {
    }

    /** Where the nesting first goes deeper than {@link #MAX_DEPTH}, in {@code file}. */
    static Optional<SourcePos> tooDeep(String text, SourcePos file) {
        if (fewerOpenersThanLimit(text)) {
            return Optional.empty(); // the common case, found with String.indexOf, which the JVM vectorises
        }
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '#') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                boolean multiLine = i + 2 < text.length() && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
                int width = multiLine ? 3 : 1;
                i += width;
                while (i < text.length() && !closes(text, i, c, width)) {
                    if (text.charAt(i) == '\\' && c == '"') {
                        i++;
                    }
                    if (i < text.length() && text.charAt(i) == '\n') {
                        if (!multiLine) {
                            break; // an unterminated one-line string: the parser reports it
                        }
                        line++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                i += i < text.length() && text.charAt(i) != '\n' ? width : 0;
                continue;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return Optional.of(file.at(line, i - lineStart + 1));
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        return Optional.empty();
    }

    /** Fewer than {@code MAX_DEPTH} brackets and braces in all: no nesting can be deeper. */
    private static boolean fewerOpenersThanLimit(String text) {
        int n = 0;
        for (char opener : new char[] {'[', '{'}) {
            for (int i = text.indexOf(opener); i >= 0; i = text.indexOf(opener, i + 1)) {
                if (++n > MAX_DEPTH) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean closes(String text, int i, char quote, int width) {
        for (int k = 0; k < width; k++) {
            if (i + k >= text.length() || text.charAt(i + k) != quote) {
                return false;
            }
        }
        return true;
    }
}
