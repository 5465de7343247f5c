package dev.rulec.lang.esql;

import dev.rulec.lang.esql.EsqlExpr.*;
import dev.rulec.lang.esql.EsqlProblem.Kind;

import java.util.List;
import java.util.Optional;

/**
 * Types one expression against the columns in scope and records what Elasticsearch's verifier would refuse: unknown
 * columns and functions, argument counts and types, operand types, aggregates outside STATS.
 */
final class ExprChecker {

    private final Columns columns;
    private final List<EsqlProblem> problems;
    private final boolean aggregatesAllowed;

    ExprChecker(Columns columns, List<EsqlProblem> problems, boolean aggregatesAllowed) {
        this.columns = columns;
        this.problems = problems;
        this.aggregatesAllowed = aggregatesAllowed;
    }

    EsqlType type(EsqlExpr e) {
        if (e instanceof Literal l) {
            return l.type();
        }
        if (e instanceof Param) {
            return EsqlType.UNKNOWN;
        }
        if (e instanceof Column c) {
            return column(c);
        }
        if (e instanceof Call c) {
            return call(c, false);
        }
        if (e instanceof MapLit) {
            return EsqlType.UNKNOWN;
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Not n) {
            EsqlType t = type(n.operand());
            if (!t.isOpen() && t != EsqlType.BOOLEAN) {
                verify(n.loc(), "argument of [" + n.text() + "] must be [boolean], found value [" + n.operand().text()
                        + "] type [" + t.label() + "]");
            }
            return EsqlType.BOOLEAN;
        }
        if (e instanceof Negate n) {
            EsqlType t = type(n.operand());
            if (!t.isOpen() && !t.isNumeric() && t != EsqlType.TIME_DURATION && t != EsqlType.DATE_PERIOD) {
                verify(n.loc(), "argument of [" + n.text() + "] must be [numeric, date_period or time_duration], found value ["
                        + n.operand().text() + "] type [" + t.label() + "]");
            }
            return t;
        }
        if (e instanceof In in) {
            EsqlType t = type(in.value());
            for (int i = 0; i < in.list().size(); i++) {
                EsqlExpr item = in.list().get(i);
                EsqlType it = type(item);
                if (!t.isOpen() && !it.isOpen() && !compatible(t, it, item)) {
                    verify(item.loc(), shortOrdinal(i + 2) + " argument of [" + in.text() + "] must be [" + t.label()
                            + "], found value [" + item.text() + "] type [" + it.label() + "]");
                }
            }
            return EsqlType.BOOLEAN;
        }
        if (e instanceof Like l) {
            EsqlType t = type(l.value());
            if (!t.isOpen() && !t.isString()) {
                verify(l.loc(), "argument of [" + l.text() + "] must be [string], found value [" + l.value().text()
                        + "] type [" + t.label() + "]");
            }
            return EsqlType.BOOLEAN;
        }
        if (e instanceof IsNull n) {
            type(n.value());
            return EsqlType.BOOLEAN;
        }
        if (e instanceof Cast c) {
            type(c.value());
            EsqlType target = EsqlType.ofCastName(c.type());
            if (target == EsqlType.UNSUPPORTED) {
                parsing(c.loc(), "Unknown data type named [" + c.type() + "]");
                return EsqlType.UNKNOWN;
            }
            return target;
        }
        MatchOp m = (MatchOp) e;
        EsqlType field = type(m.field());
        if (m.field() instanceof Column c && columns.explicitColumns().containsKey(c.name())) {
            verify(m.loc(), "[:] operator cannot operate on [" + c.name() + "], which is not a field from an index mapping");
        }
        type(m.query());
        if (!field.isOpen() && field != EsqlType.UNSUPPORTED && !field.isString() && !field.isNumeric()
                && !field.isDate() && field != EsqlType.IP && field != EsqlType.BOOLEAN && field != EsqlType.VERSION) {
            verify(m.loc(), "first argument of [" + m.text() + "] must be [boolean, date, double, integer, ip, keyword,"
                    + " long, text, unsigned_long or version], found value [" + m.field().text() + "] type ["
                    + field.label() + "]");
        }
        return EsqlType.BOOLEAN;
    }

    private EsqlType column(Column c) {
        Optional<EsqlType> t = columns.type(c.name());
        if (t.isPresent()) {
            return t.get();
        }
        if (!columns.isOpen()) {
            verify(c.loc(), "Unknown column [" + c.name() + "]");
        }
        return EsqlType.UNKNOWN;
    }

    /** Types a call; {@code insideAggregate} when an enclosing call is an aggregate (nesting is refused). */
    EsqlType call(Call c, boolean insideAggregate) {
        if (EsqlFunctions.isLaterKeywordFunction(c.name())) {
            parsing(c.loc(), "extraneous input '" + c.name() + "': [" + c.name()
                    + "] is a keyword in Elasticsearch 8.19 (the function came in a later release)");
            return EsqlType.UNKNOWN;
        }
        Optional<EsqlFunctions.Function> found = EsqlFunctions.lookup(c.name());
        if (found.isEmpty()) {
            c.args().forEach(this::type);
            verify(c.loc(), "Unknown function [" + c.name() + "]");
            return EsqlType.UNKNOWN;
        }
        EsqlFunctions.Function f = found.get();
        int n = c.args().size() + (c.star() ? 1 : 0);
        if (n < f.minArgs() || (f.maxArgs() >= 0 && n > f.maxArgs())) {
            parsing(c.loc(), "error building [" + f.name() + "]: " + EsqlFunctions.arityMessage(f));
            return EsqlType.UNKNOWN;
        }
        if (f.aggregate() && !aggregatesAllowed) {
            verify(c.loc(), "aggregate function [" + c.text() + "] not allowed outside STATS command");
        }
        EsqlType[] types = new EsqlType[c.args().size()];
        for (int i = 0; i < c.args().size(); i++) {
            types[i] = type(c.args().get(i));
        }
        if (f.name().equals("case")) {
            return caseType(c, types);
        }
        if (f.name().equals("kql") && c.args().size() == 1) {
            problems.addAll(EmbeddedQuery.kql(c));
        } else if (f.name().equals("qstr")) {
            problems.addAll(EmbeddedQuery.qstr(c));
        }
        boolean one = c.args().size() == 1;
        for (int i = 0; i < types.length; i++) {
            String want = mismatch(f.kind(i), types[i]);
            if (want != null) {
                verify(c.loc(), (one ? "" : ordinal(i + 1) + " ") + "argument of [" + c.text() + "] must be [" + want
                        + "], found value [" + c.args().get(i).text() + "] type [" + types[i].label() + "]");
            }
        }
        if (f.returns() != null) {
            return f.returns();
        }
        if (f.name().equals("date_trunc") || f.name().equals("bucket")) {
            return types.length > 1 && f.name().equals("date_trunc") ? types[1] : types.length > 0 ? types[0] : EsqlType.UNKNOWN;
        }
        if (types.length == 0) {
            return EsqlType.UNKNOWN;
        }
        EsqlType first = types[0];
        if (f.name().equals("sum") && first == EsqlType.INTEGER) {
            return EsqlType.LONG;
        }
        return first == EsqlType.TEXT ? EsqlType.KEYWORD : first;
    }

    private EsqlType caseType(Call c, EsqlType[] types) {
        EsqlType result = EsqlType.UNKNOWN;
        for (int i = 0; i < types.length; i++) {
            boolean condition = i % 2 == 0 && i < types.length - 1;
            if (condition && !types[i].isOpen() && types[i] != EsqlType.BOOLEAN) {
                verify(c.loc(), ordinal(i + 1) + " argument of [" + c.text() + "] must be [boolean], found value ["
                        + c.args().get(i).text() + "] type [" + types[i].label() + "]");
            } else if (!condition && result.isOpen()) {
                result = types[i];
            }
        }
        return result == EsqlType.TEXT ? EsqlType.KEYWORD : result;
    }

    /** What argument kind {@code k} wants, when {@code t} does not fit it; {@code null} when it fits. */
    private static String mismatch(char k, EsqlType t) {
        if (t.isOpen() || t == EsqlType.UNSUPPORTED) {
            return null;
        }
        return switch (k) {
            case 's' -> t.isString() ? null : "string";
            case 'n' -> t.isNumeric() ? null : "numeric";
            case 'i' -> t == EsqlType.INTEGER || t == EsqlType.LONG ? null : "integer";
            case 'b' -> t == EsqlType.BOOLEAN ? null : "boolean";
            case 'd' -> t.isDate() ? null : "date_nanos or datetime";
            case 'p' -> t == EsqlType.IP ? null : "ip";
            case 'g' -> t.isSpatial() ? null : "geo_point, cartesian_point, geo_shape or cartesian_shape";
            case 't' -> t.isDate() || t.isNumeric() ? null : "date_nanos, datetime or numeric";
            case 'u' -> t == EsqlType.TIME_DURATION || t == EsqlType.DATE_PERIOD ? null : "date_period or time_duration";
            default -> null;
        };
    }

    private EsqlType binary(Binary b) {
        EsqlType l = type(b.left());
        EsqlType r = type(b.right());
        switch (b.op()) {
            case "and", "or" -> {
                if (!l.isOpen() && l != EsqlType.BOOLEAN) {
                    verify(b.loc(), "first argument of [" + b.text() + "] must be [boolean], found value ["
                            + b.left().text() + "] type [" + l.label() + "]");
                } else if (!r.isOpen() && r != EsqlType.BOOLEAN) {
                    verify(b.loc(), "second argument of [" + b.text() + "] must be [boolean], found value ["
                            + b.right().text() + "] type [" + r.label() + "]");
                }
                return EsqlType.BOOLEAN;
            }
            case "==", "!=", "<", "<=", ">", ">=" -> {
                if (!l.isOpen() && !r.isOpen() && !compatible(l, r, b.right()) && !compatible(r, l, b.left())) {
                    verify(b.loc(), "first argument of [" + b.text() + "] is [" + family(l)
                            + "] so second argument must also be [" + family(l) + "] but was [" + r.label() + "]");
                }
                return EsqlType.BOOLEAN;
            }
            default -> {
                return arithmetic(b, l, r);
            }
        }
    }

    private EsqlType arithmetic(Binary b, EsqlType l, EsqlType r) {
        boolean span = b.op().equals("+") || b.op().equals("-");
        String want = span ? "date_nanos, datetime or numeric" : "numeric";
        if (!l.isOpen() && !(l.isNumeric() || (span && (l.isDate() || isSpan(l))))) {
            verify(b.loc(), "first argument of [" + b.text() + "] must be [" + want + "], found value [" + b.left().text()
                    + "] type [" + l.label() + "]");
            return EsqlType.UNKNOWN;
        }
        if (!r.isOpen() && !(r.isNumeric() || (span && (r.isDate() || isSpan(r))))) {
            verify(b.loc(), "second argument of [" + b.text() + "] must be [" + want + "], found value ["
                    + b.right().text() + "] type [" + r.label() + "]");
            return EsqlType.UNKNOWN;
        }
        if (l.isDate()) {
            return l;
        }
        if (r.isDate()) {
            return r;
        }
        if (l.isOpen() || r.isOpen()) {
            return l.isOpen() ? r : l;
        }
        return widest(l, r);
    }

    private static boolean isSpan(EsqlType t) {
        return t == EsqlType.TIME_DURATION || t == EsqlType.DATE_PERIOD;
    }

    private static EsqlType widest(EsqlType a, EsqlType b) {
        if (a == EsqlType.DOUBLE || b == EsqlType.DOUBLE) {
            return EsqlType.DOUBLE;
        }
        if (a == EsqlType.UNSIGNED_LONG || b == EsqlType.UNSIGNED_LONG) {
            return EsqlType.UNSIGNED_LONG;
        }
        if (a == EsqlType.LONG || b == EsqlType.LONG) {
            return EsqlType.LONG;
        }
        return a;
    }

    /** Whether a value of type {@code b} compares with one of type {@code a} (string literals cast implicitly). */
    private static boolean compatible(EsqlType a, EsqlType b, EsqlExpr bExpr) {
        if (a == b || (a.isNumeric() && b.isNumeric()) || (a.isString() && b.isString()) || (a.isDate() && b.isDate())) {
            return true;
        }
        boolean literalString = bExpr instanceof Literal lit && lit.type() == EsqlType.KEYWORD;
        return literalString && (a.isDate() || a == EsqlType.IP || a == EsqlType.VERSION);
    }

    private static String family(EsqlType t) {
        if (t.isNumeric()) {
            return "numeric";
        }
        if (t.isString()) {
            return "keyword";
        }
        if (t.isDate()) {
            return "datetime";
        }
        return t.label();
    }

    static String ordinal(int i) {
        return switch (i) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            case 4 -> "fourth";
            default -> i + "th";
        };
    }

    /** {@code 1st}, {@code 2nd}…, as Elasticsearch numbers the values of an IN list. */
    static String shortOrdinal(int i) {
        int mod100 = i % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (i % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return i + suffix;
    }

    private void verify(Loc loc, String message) {
        problems.add(new EsqlProblem(Kind.VERIFICATION, loc.line(), loc.column(), message));
    }

    private void parsing(Loc loc, String message) {
        problems.add(new EsqlProblem(Kind.PARSING, loc.line(), loc.column(), message));
    }
}
