package dev.rulec.ruletest.esql;

import dev.rulec.lang.lucene.LuceneRegexp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** LIKE and RLIKE patterns as Java regular expressions matching the whole value, cached. */
final class Patterns {
    private Patterns() {
    }

    private static final Map<String, Pattern> LIKE = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> RLIKE = new ConcurrentHashMap<>();

    /** {@code *} any string, {@code ?} one character, {@code \} escapes the next character. */
    static Pattern like(String p) {
        return LIKE.computeIfAbsent(p, Patterns::compileLike);
    }

    private static Pattern compileLike(String p) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                re.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /**
     * A Lucene regular expression. Only the part of Lucene's syntax that means the same in Java is accepted:
     * literals, {@code . * + ? | ( )}, bracket classes without Java-only escapes, {@code {n,m}} and {@code \}-escaped
     * punctuation. Lucene's operators {@code @ & ~ < > #} and Java-only escapes ({@code \d}, {@code \s}…) need a
     * cluster.
     */
    static Pattern rlike(String p) {
        return RLIKE.computeIfAbsent(p, Patterns::compileRlike);
    }

    private static Pattern compileRlike(String p) {
        try {
            return Pattern.compile(LuceneRegexp.toJava(p), Pattern.DOTALL);
        } catch (LuceneRegexp.Unsupported e) {
            throw new NeedsClusterException("the RLIKE pattern \"" + p + "\" (" + e.getMessage() + ")");
        }
    }
}
