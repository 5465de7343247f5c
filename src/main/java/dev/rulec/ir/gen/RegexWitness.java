package dev.rulec.ir.gen;

import dev.rulec.ir.Expr;
import dev.rulec.ir.regex.ParsedRegex;
import dev.rulec.ir.regex.RegexException;
import dev.rulec.ir.regex.RegexNode;
import dev.rulec.ir.regex.RegexParser;

import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Builds a string a regular expression matches, by a random walk over its parsed tree. */
final class RegexWitness {
    private static final String TRY_CHARS = "aZ0_ -x.\"\\/:*?Q9é\t";

    private final Random rnd;
    private final ParsedRegex re;
    private final StringBuilder out = new StringBuilder();

    private RegexWitness(Random rnd, ParsedRegex re) {
        this.rnd = rnd;
        this.re = re;
    }

    static Optional<String> of(String regex, Set<Expr.RegexFlag> flags, Random rnd) {
        try {
            ParsedRegex re = RegexParser.parse(regex, flags);
            RegexWitness w = new RegexWitness(rnd, re);
            w.walk(re.root());
            return Optional.of(w.out.toString());
        } catch (RegexException e) {
            return Optional.empty();
        }
    }

    private void walk(RegexNode n) {
        if (n instanceof RegexNode.Char c) {
            int cp = c.codePoint();
            if (re.ignoreCase() && rnd.nextBoolean()) {
                cp = Character.isUpperCase(cp) ? Character.toLowerCase(cp) : Character.toUpperCase(cp);
            }
            out.appendCodePoint(cp);
        } else if (n instanceof RegexNode.CharSet cs) {
            out.appendCodePoint(pick(cs));
        } else if (n instanceof RegexNode.Dot) {
            out.append(TRY_CHARS.charAt(rnd.nextInt(TRY_CHARS.length())));
        } else if (n instanceof RegexNode.Seq s) {
            s.items().forEach(this::walk);
        } else if (n instanceof RegexNode.Alt a) {
            walk(a.options().get(rnd.nextInt(a.options().size())));
        } else if (n instanceof RegexNode.Repeat r) {
            int extra = r.max() < 0 ? rnd.nextInt(3) : rnd.nextInt(Math.min(r.max() - r.min(), 2) + 1);
            for (int i = 0; i < r.min() + extra; i++) {
                walk(r.node());
            }
        }
        // anchors add nothing
    }

    private int pick(RegexNode.CharSet cs) {
        if (!cs.negated() && !cs.ranges().isEmpty()) {
            int[] r = cs.ranges().get(rnd.nextInt(cs.ranges().size()));
            int span = r[1] - r[0];
            return r[0] + (span <= 0 ? 0 : rnd.nextInt(Math.min(span, 200) + 1));
        }
        int start = rnd.nextInt(TRY_CHARS.length());
        for (int i = 0; i < TRY_CHARS.length(); i++) {
            char c = TRY_CHARS.charAt((start + i) % TRY_CHARS.length());
            if (cs.contains(c)) {
                return c;
            }
        }
        return '~';
    }
}
