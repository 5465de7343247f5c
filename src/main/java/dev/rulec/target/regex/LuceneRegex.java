package dev.rulec.target.regex;

import dev.rulec.ir.Expr;
import dev.rulec.ir.Pattern;
import dev.rulec.ir.regex.ParsedRegex;
import dev.rulec.ir.regex.RegexException;
import dev.rulec.ir.regex.RegexNode;
import dev.rulec.ir.regex.RegexParser;

import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translates Sigma's PCRE-like regular expressions into Lucene's regexp syntax (Elasticsearch {@code regexp},
 * query_string {@code /…/}, ES|QL {@code RLIKE}), keeping the meaning:
 * <ul>
 *   <li>Lucene matches the whole value: an unanchored expression gets {@code .*} on each open side; {@code ^} and
 *       {@code $} are accepted at the start and end of the expression or of a top-level alternative
 *       ({@code $} also allows one final newline, as in PCRE).</li>
 *   <li>{@code \d \w \s} and their negations become explicit classes; {@code .} without the dot-all flag excludes the
 *       newline; case-insensitivity ({@code i} flag, {@code (?i)}) becomes per-character classes ({@code [aA]}).</li>
 *   <li>Every ASCII punctuation character is escaped, so Lucene's optional operators ({@code ~ & @ < > # "}) never
 *       apply, whichever flags the target enables.</li>
 *   <li>Look-around, back-references, word boundaries, possessive quantifiers, mid-pattern flags and anchors inside
 *       the expression (or with the multi-line flag) are refused with a reason.</li>
 * </ul>
 */
public final class LuceneRegex {

    private final boolean ignoreCase;
    private final boolean dotAll;
    private final StringBuilder out = new StringBuilder();

    private LuceneRegex(boolean ignoreCase, boolean dotAll) {
        this.ignoreCase = ignoreCase;
        this.dotAll = dotAll;
    }

    /** The Lucene regexp matching exactly the values in which Sigma's regex finds a match. */
    public static String translate(String regex, Set<Expr.RegexFlag> flags) throws RegexException {
        ParsedRegex parsed = RegexParser.parse(regex, flags);
        LuceneRegex t = new LuceneRegex(parsed.ignoreCase(), parsed.dotAll());
        List<RegexNode> options = hoistAnchors(parsed.root() instanceof RegexNode.Alt a ? a.options() : List.of(parsed.root()));
        boolean group = options.size() > 1;
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                t.out.append('|');
            }
            if (group) {
                t.out.append('(');
            }
            t.topLevel(options.get(i), parsed.multiline());
            if (group) {
                t.out.append(')');
            }
        }
        String result = t.out.toString();
        checkWithLucene(result);
        return result;
    }

    /**
     * Verdicts of {@link #lucenesVerdict} by expression: determinizing is most of a Sigma compile's time, and rules
     * repeat expressions (SigmaHQ: 152 checks, 92 distinct). Bounded so a long-lived process cannot grow it forever.
     */
    private static final Map<String, Optional<String>> VERDICTS = new ConcurrentHashMap<>();
    private static final int MAX_VERDICTS = 4096;

    private static void checkWithLucene(String luceneRegex) throws RegexException {
        Optional<String> refusal = VERDICTS.get(luceneRegex);
        if (refusal == null) {
            refusal = lucenesVerdict(luceneRegex);
            if (VERDICTS.size() >= MAX_VERDICTS) {
                VERDICTS.clear();
            }
            VERDICTS.put(luceneRegex, refusal);
        }
        if (refusal.isPresent()) {
            throw new RegexException(refusal.get(), 0);
        }
    }

    /**
     * Builds the automaton the way Elasticsearch does (all syntax flags, determinized within Lucene's default limit
     * of 10,000 states of work), so a pattern the node would refuse is refused here: the reason, or empty.
     */
    private static Optional<String> lucenesVerdict(String luceneRegex) {
        try {
            Automaton a = new RegExp(luceneRegex, RegExp.ALL).toAutomaton();
            Operations.determinize(a, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
            return Optional.empty();
        } catch (TooComplexToDeterminizeException e) {
            return Optional.of("the expression is too complex for Lucene's regexp engine (determinizing it exceeds "
                    + Operations.DEFAULT_DETERMINIZE_WORK_LIMIT + " states; bounded repetitions after an open start"
                    + " multiply states)");
        } catch (IllegalArgumentException e) {
            return Optional.of("Lucene rejects the translated expression: " + e.getMessage());
        }
    }

    /** A Lucene regexp for a wildcard pattern compared case-insensitively (letters as {@code [aA]} classes). */
    public static String caseInsensitive(Pattern p) {
        LuceneRegex t = new LuceneRegex(true, true);
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text txt) {
                txt.text().codePoints().forEach(t::literal);
            } else if (part instanceof Pattern.AnyString) {
                t.out.append(".*");
            } else {
                t.out.append('.');
            }
        }
        return p.isEmpty() ? "\"\"" : t.out.toString();
    }

    /** Top-level alternatives after distribution; beyond this many the expression is refused as it stands. */
    private static final int MAX_OPTIONS = 64;

    /**
     * An alternation at the start (or end) of a top-level alternative whose branches carry anchors, as in
     * {@code (^|/)\.x}, is distributed over the rest of the alternative ({@code ^\.x|/\.x}): a search for
     * {@code (a|b)c} finds a match exactly where one for {@code ac} or one for {@code bc} does, and the anchors then
     * stand where Lucene's whole-value match can express them.
     */
    private static List<RegexNode> hoistAnchors(List<RegexNode> options) {
        List<RegexNode> out = new ArrayList<>();
        for (RegexNode option : options) {
            List<RegexNode> items = option instanceof RegexNode.Seq s ? s.items() : List.of(option);
            if (!items.isEmpty() && items.get(0) instanceof RegexNode.Alt a && hasAnchor(a)) {
                for (RegexNode branch : a.options()) {
                    List<RegexNode> seq = new ArrayList<>(branch instanceof RegexNode.Seq b ? b.items() : List.of(branch));
                    seq.addAll(items.subList(1, items.size()));
                    out.addAll(hoistAnchors(List.of(new RegexNode.Seq(seq))));
                }
            } else if (items.size() > 1 && items.get(items.size() - 1) instanceof RegexNode.Alt a && hasAnchor(a)) {
                for (RegexNode branch : a.options()) {
                    List<RegexNode> seq = new ArrayList<>(items.subList(0, items.size() - 1));
                    seq.addAll(branch instanceof RegexNode.Seq b ? b.items() : List.of(branch));
                    out.addAll(hoistAnchors(List.of(new RegexNode.Seq(seq))));
                }
            } else {
                out.add(option);
            }
            if (out.size() > MAX_OPTIONS) {
                return options;
            }
        }
        return out;
    }

    private static boolean hasAnchor(RegexNode.Alt a) {
        for (RegexNode branch : a.options()) {
            List<RegexNode> items = branch instanceof RegexNode.Seq s ? s.items() : List.of(branch);
            if (!items.isEmpty() && (items.get(0) instanceof RegexNode.Start
                    || items.get(items.size() - 1) instanceof RegexNode.End)) {
                return true;
            }
        }
        return false;
    }

    private void topLevel(RegexNode option, boolean multiline) throws RegexException {
        List<RegexNode> items = new ArrayList<>(option instanceof RegexNode.Seq s ? s.items() : List.of(option));
        boolean start = !items.isEmpty() && items.get(0) instanceof RegexNode.Start;
        if (start) {
            items.remove(0);
        }
        boolean end = !items.isEmpty() && items.get(items.size() - 1) instanceof RegexNode.End;
        if (end) {
            items.remove(items.size() - 1);
        }
        if ((start || end) && multiline) {
            throw new RegexException("anchors with the multi-line flag cannot be expressed in Lucene regexp", 0);
        }
        if (!start) {
            out.append(".*");
        }
        for (RegexNode n : items) {
            node(n);
        }
        if (end) {
            out.append("(\n)?");
        } else {
            out.append(".*");
        }
    }

    private void node(RegexNode n) throws RegexException {
        if (n instanceof RegexNode.Char c) {
            literal(c.codePoint());
        } else if (n instanceof RegexNode.CharSet cs) {
            charSet(cs.ranges(), cs.negated());
        } else if (n instanceof RegexNode.Dot) {
            out.append(dotAll ? "." : "[^\n]");
        } else if (n instanceof RegexNode.Seq s) {
            if (s.items().isEmpty()) {
                out.append("\"\"");
            }
            for (RegexNode item : s.items()) {
                node(item);
            }
        } else if (n instanceof RegexNode.Alt a) {
            out.append('(');
            for (int i = 0; i < a.options().size(); i++) {
                if (i > 0) {
                    out.append('|');
                }
                out.append('(');
                node(a.options().get(i));
                out.append(')');
            }
            out.append(')');
        } else if (n instanceof RegexNode.Repeat r) {
            out.append('(');
            node(r.node());
            out.append(')');
            if (r.min() == 0 && r.max() < 0) {
                out.append('*');
            } else if (r.min() == 1 && r.max() < 0) {
                out.append('+');
            } else if (r.min() == 0 && r.max() == 1) {
                out.append('?');
            } else if (r.max() < 0) {
                out.append('{').append(r.min()).append(",}");
            } else {
                out.append('{').append(r.min()).append(',').append(r.max()).append('}');
            }
        } else {
            throw new RegexException("an anchor (^ or $) inside the expression cannot be expressed in Lucene regexp", 0);
        }
    }

    private void literal(int cp) {
        if (cp == '\\') {
            // As a class, never as "\\": in query_string's /regexp/ a literal backslash written "\\" right before
            // the closing slash would read as an escaped slash and run the regexp on into the rest of the query.
            out.append("[\\\\]");
        } else if (ignoreCase && CaseFold.hasVariants(cp)) {
            out.append('[');
            for (int v : CaseFold.variants(cp)) {
                escaped(v);
            }
            out.append(']');
        } else {
            escaped(cp);
        }
    }

    private void charSet(List<int[]> ranges, boolean negated) {
        List<int[]> rs = ignoreCase ? CaseFold.close(ranges) : CaseFold.merge(ranges);
        if (rs.isEmpty()) {
            out.append(negated ? "." : "[]");
            return;
        }
        out.append(negated ? "[^" : "[");
        for (int[] r : rs) {
            escaped(r[0]);
            if (r[1] > r[0]) {
                out.append('-');
                escaped(r[1]);
            }
        }
        out.append(']');
    }

    private void escaped(int cp) {
        if (cp < 0x80 && !Character.isLetterOrDigit(cp) && cp > 0x20 && cp != 0x7F) {
            out.append('\\');
        }
        out.appendCodePoint(cp);
    }
}
