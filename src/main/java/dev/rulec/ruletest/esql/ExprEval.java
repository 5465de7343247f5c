package dev.rulec.ruletest.esql;

import dev.rulec.lang.esql.EsqlExpr;
import dev.rulec.lang.esql.EsqlType;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an ES|QL expression on one row with Elasticsearch's semantics: three-valued logic ({@code null} for
 * unknown), and {@code null} from a single-value operator or function given a multi-value.
 */
final class ExprEval {

    /** Where column values and aggregate results come from. */
    interface Env {
        Object column(String name);

        /** The value of an aggregate call, or empty outside STATS. */
        Optional<Object> aggregate(EsqlExpr.Call call);

        /** The document the row is, where full-text functions may run on it; empty elsewhere. */
        default Optional<FullText.Source> source() {
            return Optional.empty();
        }
    }

    private final Instant now;
    private final FullText fullText = new FullText();

    ExprEval(Instant now) {
        this.now = now;
    }

    Instant now() {
        return now;
    }

    static Env rowEnv(Map<String, Object> row, Map<String, EsqlType> columns) {
        return rowEnv(row, columns, Optional.empty());
    }

    /** A row that is still a document of the index ({@code source}), for full-text functions. */
    static Env rowEnv(Map<String, Object> row, Map<String, EsqlType> columns, Optional<FullText.Source> source) {
        return new Env() {
            public Object column(String name) {
                if (!columns.containsKey(name)) {
                    throw new EsqlRuntimeException("Unknown column [" + name + "]");
                }
                return row.get(name);
            }

            public Optional<Object> aggregate(EsqlExpr.Call call) {
                return Optional.empty();
            }

            public Optional<FullText.Source> source() {
                return source;
            }
        };
    }

    /** True only when the condition is TRUE (WHERE drops null and false rows). */
    boolean test(EsqlExpr e, Env env) {
        return Boolean.TRUE.equals(eval(e, env));
    }

    Object eval(EsqlExpr e, Env env) {
        if (e instanceof EsqlExpr.Literal l) {
            return literal(l);
        }
        if (e instanceof EsqlExpr.Column c) {
            return env.column(c.name());
        }
        if (e instanceof EsqlExpr.Binary b) {
            return binary(b, env);
        }
        if (e instanceof EsqlExpr.Not n) {
            Object v = single(eval(n.operand(), env));
            return v == null ? null : !asBool(v);
        }
        if (e instanceof EsqlExpr.Negate n) {
            Object v = single(eval(n.operand(), env));
            if (v instanceof Long x) {
                return -x;
            }
            if (v instanceof Double x) {
                return -x;
            }
            if (v instanceof Duration d) {
                return d.negated();
            }
            if (v instanceof Period p) {
                return p.negated();
            }
            return null;
        }
        if (e instanceof EsqlExpr.In in) {
            return in(in, env);
        }
        if (e instanceof EsqlExpr.Like like) {
            Object v = single(eval(like.value(), env));
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                throw new EsqlRuntimeException("LIKE needs a string, got " + EsqlValues.typeOf(v).label());
            }
            boolean m = false;
            for (String p : like.patterns()) {
                m |= like.regex() ? Patterns.rlike(p).matcher(s).matches() : Patterns.like(p).matcher(s).matches();
            }
            return like.negated() != m;
        }
        if (e instanceof EsqlExpr.IsNull n) {
            Object v = eval(n.value(), env);
            return n.negated() != (v == null);
        }
        if (e instanceof EsqlExpr.Cast c) {
            return ScalarFunctions.cast(eval(c.value(), env), c.type());
        }
        if (e instanceof EsqlExpr.Call c) {
            Optional<Object> agg = env.aggregate(c);
            if (agg.isPresent()) {
                return agg.get() == NULL_RESULT ? null : agg.get();
            }
            return call(c, env);
        }
        throw new NeedsClusterException(e.text());
    }

    /** Stands for a null aggregate result inside an Optional. */
    static final Object NULL_RESULT = new Object();

    private Object call(EsqlExpr.Call c, Env env) {
        String name = c.name().toUpperCase(Locale.ROOT);
        if (name.equals("CASE")) {
            List<EsqlExpr> a = c.args();
            int i = 0;
            for (; i + 1 < a.size(); i += 2) {
                Object cond = single(eval(a.get(i), env));
                if (Boolean.TRUE.equals(cond)) {
                    return eval(a.get(i + 1), env);
                }
            }
            return i < a.size() ? eval(a.get(i), env) : null;
        }
        if (name.equals("COALESCE")) {
            for (EsqlExpr a : c.args()) {
                Object v = eval(a, env);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        if (name.equals("NOW")) {
            return now;
        }
        if (name.equals("KQL")) {
            if (c.args().size() != 1 || !(c.args().get(0) instanceof EsqlExpr.Literal l) || !(l.value() instanceof String q)) {
                throw new EsqlRuntimeException("[KQL] takes one constant string, in " + c.text());
            }
            return fullText.kql(q, env.source());
        }
        if (name.equals("QSTR")) {
            if (c.args().size() != 1 || !(c.args().get(0) instanceof EsqlExpr.Literal l) || !(l.value() instanceof String q)) {
                throw new NeedsClusterException(c.text());
            }
            return fullText.qstr(q, c.text(), env.source());
        }
        List<Object> args = new ArrayList<>();
        for (EsqlExpr a : c.args()) {
            args.add(eval(a, env));
        }
        return ScalarFunctions.apply(name, args, c.text());
    }

    private Object in(EsqlExpr.In in, Env env) {
        Object v = single(eval(in.value(), env));
        if (v == null) {
            return null;
        }
        boolean sawNull = false;
        for (EsqlExpr x : in.list()) {
            Object o = eval(x, env);
            if (o == null || o instanceof List) {
                sawNull = true;
                continue;
            }
            if (EsqlValues.compare(v, o) == 0) {
                return !in.negated();
            }
        }
        return sawNull ? null : in.negated();
    }

    private Object binary(EsqlExpr.Binary b, Env env) {
        String op = b.op().toLowerCase(Locale.ROOT);
        if (op.equals("and") || op.equals("or")) {
            Object l = single(eval(b.left(), env));
            Object r = single(eval(b.right(), env));
            Boolean x = l == null ? null : asBool(l);
            Boolean y = r == null ? null : asBool(r);
            if (op.equals("and")) {
                if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
                    return false;
                }
                return x == null || y == null ? null : true;
            }
            if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
                return true;
            }
            return x == null || y == null ? null : false;
        }
        Object l = single(eval(b.left(), env));
        Object r = single(eval(b.right(), env));
        if (l == null || r == null) {
            return null;
        }
        switch (op) {
            case "==":
                return EsqlValues.compare(l, r) == 0;
            case "!=":
                return EsqlValues.compare(l, r) != 0;
            case "<":
                return EsqlValues.compare(l, r) < 0;
            case "<=":
                return EsqlValues.compare(l, r) <= 0;
            case ">":
                return EsqlValues.compare(l, r) > 0;
            case ">=":
                return EsqlValues.compare(l, r) >= 0;
            default:
                return arithmetic(op, l, r);
        }
    }

    static Object arithmetic(String op, Object l, Object r) {
        if (l instanceof Instant t && (r instanceof Duration || r instanceof Period)) {
            return shift(t, r, op);
        }
        if (r instanceof Instant t && (l instanceof Duration || l instanceof Period) && op.equals("+")) {
            return shift(t, l, op);
        }
        if (l instanceof Long x && r instanceof Long y) {
            try {
                switch (op) {
                    case "+": return Math.addExact(x, y);
                    case "-": return Math.subtractExact(x, y);
                    case "*": return Math.multiplyExact(x, y);
                    case "/": return y == 0 ? null : x / y;
                    case "%": return y == 0 ? null : x % y;
                    default: break;
                }
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (l instanceof Number x && r instanceof Number y) {
            double a = x.doubleValue();
            double c = y.doubleValue();
            double v;
            switch (op) {
                case "+": v = a + c; break;
                case "-": v = a - c; break;
                case "*": v = a * c; break;
                case "/": v = a / c; break;
                case "%": v = a % c; break;
                default: throw new NeedsClusterException("the operator " + op);
            }
            return Double.isFinite(v) ? v : null;
        }
        if (l instanceof Duration x && r instanceof Duration y && (op.equals("+") || op.equals("-"))) {
            return op.equals("+") ? x.plus(y) : x.minus(y);
        }
        if (l instanceof Period x && r instanceof Period y && (op.equals("+") || op.equals("-"))) {
            return op.equals("+") ? x.plus(y) : x.minus(y);
        }
        throw new EsqlRuntimeException("[" + op + "] has arguments of incompatible types ["
                + EsqlValues.typeOf(l).label() + "] and [" + EsqlValues.typeOf(r).label() + "]");
    }

    private static Object shift(Instant t, Object span, String op) {
        if (!op.equals("+") && !op.equals("-")) {
            throw new EsqlRuntimeException("[" + op + "] cannot combine a date and a time span");
        }
        boolean minus = op.equals("-");
        if (span instanceof Duration d) {
            return minus ? t.minus(d) : t.plus(d);
        }
        Period p = (Period) span;
        var z = t.atZone(ZoneOffset.UTC);
        return (minus ? z.minus(p) : z.plus(p)).toInstant();
    }

    private static Boolean asBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new EsqlRuntimeException("expected a boolean, got [" + EsqlValues.typeOf(v).label() + "]");
    }

    /** A single-value operand: a multi-value becomes null (Elasticsearch warns and treats it as null). */
    static Object single(Object v) {
        return v instanceof List ? null : v;
    }

    private Object literal(EsqlExpr.Literal l) {
        Object v = l.value();
        if (v == EsqlExpr.Literal.NULL) {
            return null;
        }
        if (l.type() == EsqlType.TIME_DURATION || l.type() == EsqlType.DATE_PERIOD) {
            return EsqlValues.timeSpan((String) v);
        }
        if (l.type() == EsqlType.UNSUPPORTED) {
            throw new NeedsClusterException("the literal " + l.text());
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(o instanceof Integer i ? Long.valueOf(i) : o);
            }
            return EsqlValues.ofElements(out);
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof InetAddress || v instanceof String || v instanceof Long || v instanceof Double
                || v instanceof Boolean) {
            return v;
        }
        throw new NeedsClusterException("the literal " + l.text());
    }
}
