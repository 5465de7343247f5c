package dev.rulec.source.toml;

import dev.rulec.model.Value;

import java.util.List;
import java.util.Map;

/** TOML spelling of keys and values: quoting and escaping in one place. */
final class TomlText {

    private TomlText() {
    }

    static String key(String k) {
        return !k.isEmpty() && k.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-')
                ? k : basic(k);
    }

    /**
     * Prose as detection-rules writes it: multi-line strings in {@code """} when nothing needs escaping,
     * else as a {@code '''} literal where that is safe, else escaped.
     */
    static String string(String s) {
        if (s.indexOf('\n') < 0) {
            return basic(s);
        }
        if (s.indexOf('\\') < 0 && !s.contains("\"\"\"") && !s.endsWith("\"") && plainChars(s)) {
            return "\"\"\"\n" + s + "\"\"\"";
        }
        return literalOrEscaped(s);
    }

    /** Queries as detection-rules writes them: a {@code '''} literal, so backslashes stay readable. */
    static String query(String s) {
        return literalOrEscaped(s);
    }

    private static boolean plainChars(String s) {
        return s.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f);
    }

    private static String literalOrEscaped(String s) {
        if (!s.contains("'''") && !s.endsWith("'") && plainChars(s)) {
            return "'''\n" + s + "'''";
        }
        StringBuilder sb = new StringBuilder("\"\"\"\n");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append('\n');
            } else if (c == '"' && (i + 1 < s.length() && s.charAt(i + 1) == '"' || i == s.length() - 1)) {
                sb.append("\\\"");
            } else {
                escape(c, sb);
            }
        }
        return sb.append("\"\"\"").toString();
    }

    static String basic(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append("\\\"");
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                escape(c, sb);
            }
        }
        return sb.append('"').toString();
    }

    private static void escape(char c, StringBuilder sb) {
        switch (c) {
            case '\\' -> sb.append("\\\\");
            case '\t' -> sb.append("\\t");
            case '\r' -> sb.append("\\r");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
    }

    static String strings(List<String> l) {
        if (l.isEmpty()) {
            return "[]";
        }
        boolean multiLine = l.size() > 1 || l.stream().anyMatch(s -> s.indexOf('\n') >= 0);
        if (!multiLine) {
            return "[" + string(l.get(0)) + "]";
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (String s : l) {
            sb.append(string(s)).append(",\n");
        }
        return sb.append(']').toString();
    }

    /** A value of open shape, inline (TOML inline tables are one line). */
    static String value(Value v) {
        if (v instanceof Value.Str s) {
            return basic(s.value());
        }
        if (v instanceof Value.Num n) {
            return n.value().scale() <= 0 ? n.value().toBigInteger().toString() : n.value().toPlainString();
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof Value.Arr a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.items().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(value(a.items().get(i)));
            }
            return sb.append(']').toString();
        }
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Value> e : ((Value.Obj) v).fields().entrySet()) {
            sb.append(first ? "" : ", ").append(key(e.getKey())).append(" = ").append(value(e.getValue()));
            first = false;
        }
        return sb.append('}').toString();
    }
}
