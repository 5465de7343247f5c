package dev.rulec.lang.lucene;

/**
 * Lucene's regular expressions (query_string {@code /…/}, Elasticsearch {@code regexp}, ES|QL {@code RLIKE}) as Java
 * regular expressions, for the part of Lucene's syntax that means the same in Java: literals, {@code . * + ? | ( )},
 * bracket classes, {@code {n,m}} and escaped punctuation. Lucene's optional operators ({@code @ & ~ < > #}, quoted
 * strings), escapes of letters and digits ({@code \d}…), {@code ^} and {@code $} (no anchors in Lucene) and stacked
 * quantifiers ({@code a*+}, possessive in Java) are refused with the reason. Lucene matches the whole value and its
 * {@code .} matches any character: match the result whole, with {@code DOTALL}.
 */
public final class LuceneRegexp {
    private LuceneRegexp() {
    }

    /** A construct outside the shared part, with the reason. */
    public static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    public static String toJava(String p) throws Unsupported {
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new Unsupported("trailing backslash");
                }
                char n = p.charAt(++i);
                if (Character.isLetterOrDigit(n)) {
                    throw new Unsupported("escape \\" + n);
                }
                re.append('\\').append(n);
                continue;
            }
            if (!inClass && "@&~<>#".indexOf(c) >= 0) {
                throw new Unsupported("Lucene operator " + c);
            }
            if (c == '"') {
                throw new Unsupported("quoted string");
            }
            if (!inClass && (c == '^' || c == '$')) {
                throw new Unsupported("Lucene has no anchor " + c);
            }
            if (!inClass && c == '+' && i > 0 && "*+?}".indexOf(p.charAt(i - 1)) >= 0 && !escapedAt(p, i - 1)) {
                throw new Unsupported("stacked quantifier");
            }
            if (inClass && (c == '[' || c == '&')) {
                re.append('\\').append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
            if (!inClass && c == '{' && !p.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                throw new Unsupported("brace");
            }
            re.append(c);
        }
        try {
            java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.DOTALL);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new Unsupported("not a regular expression rulec reads: " + e.getDescription());
        }
        return re.toString();
    }

    /** Whether the character at {@code i} is escaped (an odd run of backslashes before it). */
    private static boolean escapedAt(String p, int i) {
        int n = 0;
        for (int k = i - 1; k >= 0 && p.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }
}
