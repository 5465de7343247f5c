package dev.rulec.source.toml;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where each key and array element of a TOML file starts, in one linear pass and without building values: about
 * 50 times cheaper than a tomlj parse, which {@link TomlPositions} keeps as the fallback for paths not found here
 * (table headers, malformed files). Paths are written as {@link TomlPositions} takes them:
 * {@code rule.threat[0].technique[1].id}, {@code rule.tags[2]}. Columns count code points, as tomlj does; an array
 * element on a later line than its bracket or comma is placed, as tomlj places it, at the end of that earlier line.
 */
final class TomlKeyScanner {

    private final String s;
    private int i;
    private int line = 1;
    private int lineStart;
    private final Map<String, long[]> found = new HashMap<>();
    private final Map<String, Integer> arrayTables = new HashMap<>();

    private TomlKeyScanner(String text) {
        this.s = text;
    }

    /** Positions by path as {line, column}; empty when the text is not TOML this scanner understands. */
    static Optional<Map<String, long[]>> scan(String text) {
        TomlKeyScanner sc = new TomlKeyScanner(text);
        try {
            sc.document();
            return Optional.of(sc.found);
        } catch (IllegalStateException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private void document() {
        String table = "";
        while (true) {
            skipSpaceNewlinesComments();
            if (i >= s.length()) {
                return;
            }
            char c = s.charAt(i);
            if (c == '[') {
                boolean array = i + 1 < s.length() && s.charAt(i + 1) == '[';
                i += array ? 2 : 1;
                String name = resolve(key(']'));
                expect(']');
                if (array) {
                    expect(']');
                    int idx = arrayTables.merge(name, 1, Integer::sum) - 1;
                    table = name + "[" + idx + "]";
                } else {
                    table = name;
                }
                endOfLine();
            } else {
                keyValue(table);
                endOfLine();
            }
        }
    }

    /** A header's dotted name with every array-of-tables prefix resolved to its last element. */
    private String resolve(String dotted) {
        StringBuilder p = new StringBuilder();
        for (String part : dotted.split("\\.", -1)) {
            if (p.length() > 0) {
                Integer last = arrayTables.get(p.toString());
                if (last != null) {
                    p.append('[').append(last - 1).append(']');
                }
                p.append('.');
            }
            p.append(part);
        }
        return p.toString();
    }

    private void keyValue(String table) {
        long[] at = here();
        String k = key('=');
        String path = table.isEmpty() ? k : table + "." + k;
        found.put(path, at);
        skipSpace();
        expect('=');
        skipSpace();
        value(path);
    }

    private void value(String path) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            string();
        } else if (c == '[') {
            i++;
            int n = 0;
            while (true) {
                // tomlj places an element where its array-value rule starts: after spaces on the line of the
                // opening bracket or comma, before any line break
                skipSpace();
                long[] at = here();
                skipSpaceNewlinesComments();
                if (s.charAt(i) == ']') {
                    i++;
                    return;
                }
                String el = path + "[" + n++ + "]";
                found.put(el, at);
                value(el);
                skipSpaceNewlinesComments();
                if (s.charAt(i) == ',') {
                    i++;
                } else if (s.charAt(i) != ']') {
                    throw new IllegalStateException("array");
                }
            }
        } else if (c == '{') {
            i++;
            while (true) {
                skipSpace();
                if (s.charAt(i) == '}') {
                    i++;
                    return;
                }
                keyValue(path);
                skipSpace();
                if (s.charAt(i) == ',') {
                    i++;
                } else if (s.charAt(i) != '}') {
                    throw new IllegalStateException("inline table");
                }
            }
        } else {
            while (i < s.length() && ",]}#\n\r".indexOf(s.charAt(i)) < 0) {
                i++;
            }
        }
    }

    private void string() {
        char q = s.charAt(i);
        if (s.startsWith(String.valueOf(q).repeat(3), i)) {
            i += 3;
            String close = String.valueOf(q).repeat(3);
            while (!s.startsWith(close, i)) {
                if (q == '"' && s.charAt(i) == '\\') {
                    i++;
                }
                advance();
            }
            i += 3;
            while (i < s.length() && s.charAt(i) == q) {
                i++;
            }
            return;
        }
        i++;
        while (s.charAt(i) != q) {
            if (s.charAt(i) == '\n') {
                throw new IllegalStateException("newline in string");
            }
            if (q == '"' && s.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        i++;
    }

    /** A possibly dotted, possibly quoted key, up to (not including) {@code end}; spaces around dots dropped. */
    private String key(char end) {
        StringBuilder k = new StringBuilder();
        while (true) {
            skipSpace();
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int start = i + 1;
                string();
                k.append(s, start, i - 1);
            } else {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '-')) {
                    i++;
                }
                if (start == i) {
                    throw new IllegalStateException("key");
                }
                k.append(s, start, i);
            }
            skipSpace();
            if (s.charAt(i) == '.') {
                i++;
                k.append('.');
            } else if (s.charAt(i) == end) {
                return k.toString();
            } else {
                throw new IllegalStateException("key end");
            }
        }
    }

    private long[] here() {
        return new long[] {line, s.codePointCount(lineStart, i) + 1};
    }

    private void advance() {
        if (s.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
        }
        i++;
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw new IllegalStateException("expected " + c);
        }
        i++;
    }

    private void skipSpace() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private void skipSpaceNewlinesComments() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance();
            } else {
                return;
            }
        }
    }

    private void endOfLine() {
        skipSpace();
        if (i < s.length() && s.charAt(i) == '#') {
            while (i < s.length() && s.charAt(i) != '\n') {
                i++;
            }
        }
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) != '\n') {
            throw new IllegalStateException("end of line");
        }
    }
}
