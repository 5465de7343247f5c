package dev.rulec.ir.regex;

import dev.rulec.ir.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the PCRE-like regular expressions of Sigma's {@code |re} modifier into a {@link RegexNode} tree.
 * Constructs with no equivalent in the automaton-based targets (look-around, back-references, word boundaries,
 * possessive quantifiers, Unicode properties, mid-pattern flags) are refused with a {@link RegexException} naming them.
 */
public final class RegexParser {

    static final List<int[]> DIGIT = List.of(new int[] {'0', '9'});
    static final List<int[]> WORD = List.of(new int[] {'0', '9'}, new int[] {'A', 'Z'}, new int[] {'_', '_'},
            new int[] {'a', 'z'});
    /** PCRE's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static final List<int[]> SPACE = List.of(new int[] {'\t', '\r'}, new int[] {' ', ' '});

    private final String re;
    private int pos;
    private boolean ignoreCase;
    private boolean multiline;
    private boolean dotAll;

    private RegexParser(String re, Set<Expr.RegexFlag> flags) {
        this.re = re;
        this.ignoreCase = flags.contains(Expr.RegexFlag.IGNORE_CASE);
        this.multiline = flags.contains(Expr.RegexFlag.MULTILINE);
        this.dotAll = flags.contains(Expr.RegexFlag.DOT_ALL);
    }

    public static ParsedRegex parse(String re, Set<Expr.RegexFlag> flags) throws RegexException {
        RegexParser p = new RegexParser(re, flags);
        p.leadingFlags();
        RegexNode root = p.alt(0);
        if (p.pos < re.length()) {
            throw p.error("unmatched ')'");
        }
        return new ParsedRegex(root, p.ignoreCase, p.multiline, p.dotAll);
    }

    private RegexException error(String message) {
        return new RegexException(message + " at offset " + pos, pos);
    }

    private boolean more() {
        return pos < re.length();
    }

    private int peek() {
        return re.codePointAt(pos);
    }

    private int next() {
        int c = re.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private boolean eat(char c) {
        if (more() && re.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void leadingFlags() throws RegexException {
        while (re.startsWith("(?", pos)) {
            int close = re.indexOf(')', pos);
            if (close < 0) {
                return;
            }
            String f = re.substring(pos + 2, close);
            if (f.isEmpty() || !f.chars().allMatch(c -> "imsx".indexOf(c) >= 0)) {
                return;
            }
            if (f.indexOf('x') >= 0) {
                throw error("the extended flag (?x) is not supported");
            }
            ignoreCase |= f.indexOf('i') >= 0;
            multiline |= f.indexOf('m') >= 0;
            dotAll |= f.indexOf('s') >= 0;
            pos = close + 1;
        }
    }

    private RegexNode alt(int depth) throws RegexException {
        if (depth > 200) {
            throw error("groups nested too deeply");
        }
        List<RegexNode> options = new ArrayList<>();
        options.add(seq(depth));
        while (eat('|')) {
            options.add(seq(depth));
        }
        return options.size() == 1 ? options.get(0) : new RegexNode.Alt(options);
    }

    private RegexNode seq(int depth) throws RegexException {
        List<RegexNode> items = new ArrayList<>();
        while (more() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            if (re.startsWith("\\Q", pos)) {
                int end = re.indexOf("\\E", pos + 2);
                String lit = re.substring(pos + 2, end < 0 ? re.length() : end);
                pos = end < 0 ? re.length() : end + 2;
                lit.codePoints().forEach(c -> items.add(new RegexNode.Char(c)));
                continue;
            }
            RegexNode atom = atom(depth);
            items.add(quantified(atom));
        }
        return items.size() == 1 ? items.get(0) : new RegexNode.Seq(items);
    }

    private RegexNode quantified(RegexNode atom) throws RegexException {
        int start = pos;
        int min;
        int max;
        if (eat('*')) {
            min = 0;
            max = -1;
        } else if (eat('+')) {
            min = 1;
            max = -1;
        } else if (eat('?')) {
            min = 0;
            max = 1;
        } else if (more() && re.charAt(pos) == '{' && braceQuantifier()) {
            int close = re.indexOf('}', pos);
            String body = re.substring(pos + 1, close);
            pos = close + 1;
            int comma = body.indexOf(',');
            min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
            if (max >= 0 && max < min) {
                throw error("repetition {" + body + "} has its bounds out of order");
            }
            if (min > 1000 || max > 1000) {
                throw error("repetition {" + body + "} is too large (more than 1000)");
            }
        } else {
            return atom;
        }
        if (atom instanceof RegexNode.Start || atom instanceof RegexNode.End) {
            pos = start;
            throw error("a quantifier on an anchor");
        }
        if (eat('+')) {
            throw error("possessive quantifiers are not supported");
        }
        eat('?'); // lazy: whether a value matches does not depend on greediness
        return quantified(new RegexNode.Repeat(atom, min, max));
    }

    private boolean braceQuantifier() {
        int close = re.indexOf('}', pos);
        return close > pos + 1 && re.substring(pos + 1, close).matches("\\d{1,4}(,\\d{0,4})?");
    }

    private RegexNode atom(int depth) throws RegexException {
        int c = peek();
        switch (c) {
            case '(':
                return group(depth);
            case '[':
                pos++;
                return charClass();
            case '.':
                pos++;
                return new RegexNode.Dot();
            case '^':
                pos++;
                return new RegexNode.Start();
            case '$':
                pos++;
                return new RegexNode.End();
            case '\\':
                pos++;
                return escape();
            case '*':
            case '+':
            case '?':
                throw error("nothing to repeat before '" + (char) c + "'");
            default:
                if (c == '{' && braceQuantifier()) {
                    throw error("nothing to repeat before '{'");
                }
                return new RegexNode.Char(next());
        }
    }

    private RegexNode group(int depth) throws RegexException {
        int open = pos;
        pos++;
        if (eat('?')) {
            if (eat(':')) {
                // non-capturing group
            } else if (re.startsWith("P<", pos) || (re.startsWith("<", pos) && !re.startsWith("<=", pos)
                    && !re.startsWith("<!", pos)) || re.startsWith("'", pos)) {
                char close = re.charAt(pos) == '\'' ? '\'' : '>';
                int end = re.indexOf(close, pos + 1);
                if (end < 0) {
                    throw error("unterminated group name");
                }
                pos = end + 1;
            } else if (re.startsWith("=", pos) || re.startsWith("!", pos) || re.startsWith("<=", pos)
                    || re.startsWith("<!", pos)) {
                throw error("look-around assertions are not supported");
            } else if (re.startsWith(">", pos)) {
                throw error("atomic groups are not supported");
            } else {
                throw error("inline flags or special groups after the start are not supported");
            }
        }
        RegexNode inner = alt(depth + 1);
        if (!eat(')')) {
            pos = open;
            throw error("unclosed group");
        }
        return inner instanceof RegexNode.Seq || inner instanceof RegexNode.Alt ? inner : new RegexNode.Seq(List.of(inner));
    }

    private RegexNode escape() throws RegexException {
        if (!more()) {
            throw error("trailing backslash");
        }
        int c = peek();
        switch (c) {
            case 'd':
                pos++;
                return new RegexNode.CharSet(DIGIT, false);
            case 'D':
                pos++;
                return new RegexNode.CharSet(DIGIT, true);
            case 'w':
                pos++;
                return new RegexNode.CharSet(WORD, false);
            case 'W':
                pos++;
                return new RegexNode.CharSet(WORD, true);
            case 's':
                pos++;
                return new RegexNode.CharSet(SPACE, false);
            case 'S':
                pos++;
                return new RegexNode.CharSet(SPACE, true);
            case 'b':
            case 'B':
            case 'A':
            case 'z':
            case 'Z':
            case 'G':
                throw error("the assertion \\" + (char) c + " is not supported");
            default:
                return new RegexNode.Char(escapedChar());
        }
    }

    /** A single-character escape (after the backslash), shared by classes and atoms. */
    private int escapedChar() throws RegexException {
        int c = next();
        switch (c) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'v':
                return 0x0B;
            case 'e':
                return 0x1B;
            case 'a':
                return 0x07;
            case '0':
                return octal();
            case 'x':
                return hex();
            case 'u':
                return fixedHex(4);
            default:
                if (c >= '1' && c <= '9') {
                    throw error("back-references are not supported");
                }
                if (Character.isLetterOrDigit(c)) {
                    throw error("unknown or unsupported escape \\" + Character.toString(c));
                }
                return c;
        }
    }

    private int octal() {
        int v = 0;
        for (int i = 0; i < 2 && more() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7'; i++) {
            v = v * 8 + (re.charAt(pos++) - '0');
        }
        return v;
    }

    private int hex() throws RegexException {
        if (eat('{')) {
            int end = re.indexOf('}', pos);
            if (end < 0 || end == pos || end - pos > 6) {
                throw error("bad \\x{...} escape");
            }
            String h = re.substring(pos, end);
            pos = end + 1;
            try {
                int v = Integer.parseInt(h, 16);
                if (!Character.isValidCodePoint(v)) {
                    throw error("bad \\x{...} escape");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error("bad \\x{...} escape");
            }
        }
        return fixedHex(2);
    }

    private int fixedHex(int n) throws RegexException {
        if (pos + n > re.length()) {
            throw error("bad hexadecimal escape");
        }
        try {
            int v = Integer.parseInt(re.substring(pos, pos + n), 16);
            pos += n;
            return v;
        } catch (NumberFormatException e) {
            throw error("bad hexadecimal escape");
        }
    }

    private RegexNode charClass() throws RegexException {
        int open = pos - 1;
        boolean negated = eat('^');
        List<int[]> ranges = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (!more()) {
                pos = open;
                throw error("unclosed character class");
            }
            if (re.charAt(pos) == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (re.startsWith("[:", pos) || re.startsWith("[=", pos) || re.startsWith("[.", pos)) {
                throw error("POSIX character classes are not supported");
            }
            int lo;
            if (eat('\\')) {
                if (!more()) {
                    throw error("trailing backslash");
                }
                char e = re.charAt(pos);
                List<int[]> shorthand = e == 'd' ? DIGIT : e == 'w' ? WORD : e == 's' ? SPACE : null;
                if (shorthand != null) {
                    pos++;
                    ranges.addAll(shorthand);
                    continue;
                }
                if (e == 'D' || e == 'W' || e == 'S') {
                    throw error("a negated shorthand \\" + e + " inside a character class is not supported");
                }
                if (e == 'b') {
                    pos++;
                    lo = '\b';
                } else {
                    lo = escapedChar();
                }
            } else {
                lo = next();
            }
            int hi = lo;
            if (more() && re.charAt(pos) == '-' && pos + 1 < re.length() && re.charAt(pos + 1) != ']') {
                pos++;
                if (eat('\\')) {
                    if (!more()) {
                        throw error("trailing backslash");
                    }
                    if ("dwsDWS".indexOf(re.charAt(pos)) >= 0) {
                        throw error("a shorthand class cannot end a range");
                    }
                    if (re.charAt(pos) == 'b') {
                        pos++;
                        hi = '\b';
                    } else {
                        hi = escapedChar();
                    }
                } else {
                    hi = next();
                }
                if (hi < lo) {
                    throw error("character range out of order");
                }
            }
            ranges.add(new int[] {lo, hi});
        }
        return new RegexNode.CharSet(ranges, negated);
    }
}
