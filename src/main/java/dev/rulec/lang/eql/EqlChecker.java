package dev.rulec.lang.eql;

import dev.rulec.schema.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Elasticsearch's EQL verifier refuses that needs no cluster: unknown functions and wrong argument counts, a
 * {@code maxspan} in a unit EQL lacks, and — given a schema that knows every field of the indices read — unknown fields
 * ({@code ?field} is allowed to be missing). Problems come back in order, placed in the query text.
 */
public final class EqlChecker {

    /** A problem at a 1-based line and column of the query text. */
    public record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return "line " + line + ":" + column + ": " + message;
        }
    }

    /** Elasticsearch 8.x EQL functions (matched case-insensitively): {min, max} arguments, -1 for no maximum. */
    private static final Map<String, int[]> FUNCTIONS = Map.ofEntries(
            Map.entry("add", new int[] {2, 2}),
            Map.entry("between", new int[] {3, 4}),
            Map.entry("cidrmatch", new int[] {2, -1}),
            Map.entry("concat", new int[] {1, -1}),
            Map.entry("divide", new int[] {2, 2}),
            Map.entry("endswith", new int[] {2, 2}),
            Map.entry("indexof", new int[] {2, 3}),
            Map.entry("length", new int[] {1, 1}),
            Map.entry("modulo", new int[] {2, 2}),
            Map.entry("multiply", new int[] {2, 2}),
            Map.entry("number", new int[] {1, 2}),
            Map.entry("startswith", new int[] {2, 2}),
            Map.entry("string", new int[] {1, 1}),
            Map.entry("stringcontains", new int[] {2, 2}),
            Map.entry("substring", new int[] {2, 3}),
            Map.entry("subtract", new int[] {2, 2}));

    /** EQL's time units (Elasticsearch's {@code TimeValue}). */
    private static final List<String> UNITS = List.of("nanos", "micros", "ms", "s", "m", "h", "d");
    private static final Pattern MAXSPAN = Pattern.compile("(?i)\\bmaxspan\\s*=\\s*(\\d+)\\s*([a-z]*)");

    private EqlChecker() {
    }

    /** @param schema the schema of the indices read, only when it knows all their fields (else fields are not checked) */
    public static List<Problem> check(EqlQuery query, String text, Optional<Schema> schema) {
        List<Problem> out = new ArrayList<>();
        if (query instanceof EqlQuery.Sequence s && s.maxspan().isPresent()) {
            maxspan(text, out);
        }
        expressions(query).forEach(e -> walk(e, schema, out));
        return out;
    }

    private static void maxspan(String text, List<Problem> out) {
        Matcher m = MAXSPAN.matcher(text);
        if (m.find() && !m.group(2).isEmpty() && !UNITS.contains(m.group(2).toLowerCase(Locale.ROOT))) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(2); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            out.add(new Problem(line, m.start(2) - lineStart + 1, "unknown time unit [" + m.group(2) + "] in maxspan;"
                    + " use one of " + String.join(", ", UNITS)));
        }
    }

    private static Stream<EqlExpr> expressions(EqlQuery q) {
        List<EqlExpr> all = new ArrayList<>();
        if (q instanceof EqlQuery.Event e) {
            all.add(e.query().condition());
            e.pipes().forEach(p -> all.addAll(p.args()));
        } else if (q instanceof EqlQuery.Sequence s) {
            all.addAll(s.by());
            s.terms().forEach(t -> term(t, all));
            s.until().ifPresent(t -> term(t, all));
            s.pipes().forEach(p -> all.addAll(p.args()));
        } else if (q instanceof EqlQuery.Sample s) {
            all.addAll(s.by());
            s.terms().forEach(t -> term(t, all));
            s.pipes().forEach(p -> all.addAll(p.args()));
        }
        return all.stream();
    }

    private static void term(EqlQuery.Term t, List<EqlExpr> all) {
        all.addAll(t.by());
        all.add(t.query().condition());
    }

    private static void walk(EqlExpr e, Optional<Schema> schema, List<Problem> out) {
        if (e instanceof EqlExpr.Call c) {
            int[] arity = FUNCTIONS.get(c.name().toLowerCase(Locale.ROOT));
            if (arity == null) {
                out.add(new Problem(c.line(), c.column(), "Unknown function [" + c.name() + "]"));
            } else if (c.args().size() < arity[0] || (arity[1] >= 0 && c.args().size() > arity[1])) {
                out.add(new Problem(c.line(), c.column(), "function [" + c.name() + "] takes " + arityText(arity)
                        + ", not " + c.args().size()));
            }
        } else if (e instanceof EqlExpr.Field f && !f.optional() && schema.isPresent()
                && schema.get().field(f.path()).isEmpty()) {
            out.add(new Problem(f.line(), f.column(), "Unknown column [" + f.path() + "]"));
        }
        children(e).forEach(ch -> walk(ch, schema, out));
    }

    private static String arityText(int[] arity) {
        if (arity[1] < 0) {
            return "at least " + arity[0] + " arguments";
        }
        return arity[0] == arity[1] ? arity[0] + (arity[0] == 1 ? " argument" : " arguments")
                : arity[0] + " to " + arity[1] + " arguments";
    }

    private static List<EqlExpr> children(EqlExpr e) {
        if (e instanceof EqlExpr.Call c) {
            return c.args();
        }
        if (e instanceof EqlExpr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof EqlExpr.Not n) {
            return List.of(n.operand());
        }
        if (e instanceof EqlExpr.Negate n) {
            return List.of(n.operand());
        }
        if (e instanceof EqlExpr.In in) {
            List<EqlExpr> l = new ArrayList<>(in.list());
            l.add(0, in.value());
            return l;
        }
        if (e instanceof EqlExpr.StringMatch m) {
            List<EqlExpr> l = new ArrayList<>(m.patterns());
            l.add(0, m.value());
            return l;
        }
        return List.of();
    }
}
