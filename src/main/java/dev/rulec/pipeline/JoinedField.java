package dev.rulec.pipeline;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source field whose value is two parts joined by a separator that neither part contains (Sysmon's
 * {@code User}: {@code DOMAIN\name}), kept by the target as two fields ({@code user.domain}, {@code user.name}).
 *
 * <p>A pattern on the joined value is rewritten exactly into predicates on the parts. The joined value holds the
 * separator exactly once, so: a pattern with one literal separator matches when the text before it matches the
 * first part and the text after it the second; a pattern with none matches when one of its wildcards covers the
 * separator ({@code ?} the separator alone, {@code *} the separator with the end of the first part and the start
 * of the second), which is a disjunction over its wildcards. Patterns that can never match (two or more
 * separators, or none and no wildcard) are refused with the reason rather than compiled to "false".
 *
 * @param first     the target field of the part before the separator
 * @param second    the target field of the part after it
 * @param separator one character
 */
public record JoinedField(String first, String second, String separator) {

    /** More wildcards than this give a disjunction too large to be useful; such patterns are refused. */
    static final int MAX_WILDCARDS = 16;

    public JoinedField {
        Objects.requireNonNull(first, "first is null");
        Objects.requireNonNull(second, "second is null");
        if (separator.length() != 1) {
            throw new IllegalArgumentException("separator must be one character, not [" + separator + "]");
        }
    }

    /** The rewritten match, or why there is none. */
    public record Rewrite(java.util.Optional<Expr> expr, String reason) {
        static Rewrite of(Expr e) {
            return new Rewrite(java.util.Optional.of(e), "");
        }

        static Rewrite refused(String reason) {
            return new Rewrite(java.util.Optional.empty(), reason);
        }
    }

    /** Both parts present: what "the joined field exists" means on the target. */
    public Expr exists() {
        return Expr.and(new Expr.Exists(first), new Expr.Exists(second));
    }

    /** The joined value matches {@code p}, on the parts. */
    public Rewrite match(Pattern p, CaseMode cm) {
        List<Tok> tokens = tokens(p, separator.charAt(0));
        List<Integer> separators = new ArrayList<>();
        List<Integer> wildcards = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).separator()) {
                separators.add(i);
            } else if (!(tokens.get(i).part() instanceof Pattern.Text)) {
                wildcards.add(i);
            }
        }
        String joined = "[" + first + "]" + separator + "[" + second + "]";
        if (separators.size() > 1) {
            return Rewrite.refused("[" + p + "] holds the separator [" + separator + "] " + separators.size()
                    + " times, but a " + joined + " value holds it exactly once, so it can never match");
        }
        if (separators.size() == 1) {
            int at = separators.get(0);
            return Rewrite.of(Expr.and(part(first, tokens.subList(0, at), cm),
                    part(second, tokens.subList(at + 1, tokens.size()), cm)));
        }
        if (wildcards.isEmpty()) {
            return Rewrite.refused("[" + p + "] has no separator [" + separator + "] and no wildcard, but a " + joined
                    + " value always holds the separator, so it can never match");
        }
        if (wildcards.size() > MAX_WILDCARDS) {
            return Rewrite.refused("[" + p + "] has " + wildcards.size() + " wildcards; rewriting it onto " + joined
                    + " needs one alternative per wildcard, at most " + MAX_WILDCARDS);
        }
        List<Expr> alternatives = new ArrayList<>();
        for (int i : wildcards) {
            List<Tok> before = new ArrayList<>(tokens.subList(0, i));
            List<Tok> after = new ArrayList<>(tokens.subList(i + 1, tokens.size()));
            if (tokens.get(i).part() instanceof Pattern.AnyString) {
                // '*' covers the end of the first part, the separator and the start of the second
                before.add(new Tok(Pattern.ANY_STRING, false));
                after.add(0, new Tok(Pattern.ANY_STRING, false));
            }
            alternatives.add(Expr.and(part(first, before, cm), part(second, after, cm)));
        }
        return Rewrite.of(Expr.anyOf(alternatives.stream().distinct().toList()));
    }

    /** A piece of the pattern: literal text (never holding the separator), a wildcard, or the separator. */
    private record Tok(Pattern.Part part, boolean separator) {
    }

    private static List<Tok> tokens(Pattern p, char sep) {
        List<Tok> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                for (char c : t.text().toCharArray()) {
                    if (c == sep) {
                        flush(text, out);
                        out.add(new Tok(new Pattern.Text(String.valueOf(sep)), true));
                    } else {
                        text.append(c);
                    }
                }
            } else {
                flush(text, out);
                out.add(new Tok(part, false));
            }
        }
        flush(text, out);
        return out;
    }

    private static void flush(StringBuilder text, List<Tok> out) {
        if (text.length() > 0) {
            out.add(new Tok(new Pattern.Text(text.toString()), false));
            text.setLength(0);
        }
    }

    private static Expr part(String field, List<Tok> tokens, CaseMode cm) {
        Pattern p = new Pattern(tokens.stream().map(Tok::part).toList());
        if (p.isMatchAll()) {
            return new Expr.Exists(field);
        }
        return new Expr.Match(field, new Literal.Str(p), cm);
    }
}
