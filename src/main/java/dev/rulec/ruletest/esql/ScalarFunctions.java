package dev.rulec.ruletest.esql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scalar functions detection rules use. Arguments are already evaluated; single-value functions return
 * {@code null} for a null or multi-valued argument, as Elasticsearch does. Any other function needs a cluster.
 */
final class ScalarFunctions {
    private ScalarFunctions() {
    }

    static Object apply(String name, List<Object> a, String text) {
        switch (name) {
            case "MV_COUNT": return a.get(0) == null ? null : (long) EsqlValues.elements(a.get(0)).size();
            case "MV_FIRST": return a.get(0) == null ? null : EsqlValues.elements(a.get(0)).get(0);
            case "MV_LAST": {
                List<Object> e = EsqlValues.elements(a.get(0));
                return e.isEmpty() ? null : e.get(e.size() - 1);
            }
            case "MV_MIN": return a.get(0) == null ? null
                    : EsqlValues.elements(a.get(0)).stream().min(EsqlValues::compare).orElse(null);
            case "MV_MAX": return a.get(0) == null ? null
                    : EsqlValues.elements(a.get(0)).stream().max(EsqlValues::compare).orElse(null);
            case "MV_DEDUPE": return EsqlValues.ofElements(new LinkedHashSet<>(EsqlValues.elements(a.get(0))));
            case "MV_SORT": {
                List<Object> e = new ArrayList<>(EsqlValues.elements(a.get(0)));
                e.sort(EsqlValues::compare);
                if (a.size() > 1 && "DESC".equalsIgnoreCase(String.valueOf(a.get(1)))) {
                    java.util.Collections.reverse(e);
                }
                return EsqlValues.ofElements(e);
            }
            case "MV_CONCAT": {
                if (a.get(0) == null || a.get(1) == null) {
                    return null;
                }
                List<String> parts = new ArrayList<>();
                for (Object o : EsqlValues.elements(a.get(0))) {
                    parts.add(EsqlValues.text(o));
                }
                return String.join(str(a.get(1)), parts);
            }
            case "MV_SUM": {
                Object s = null;
                for (Object o : EsqlValues.elements(a.get(0))) {
                    s = s == null ? o : ExprEval.arithmetic("+", s, o);
                }
                return s;
            }
            default:
                break;
        }
        List<Object> s = new ArrayList<>();
        for (Object o : a) {
            if (o == null || o instanceof List) {
                return null;
            }
            s.add(o);
        }
        switch (name) {
            case "TO_LOWER": return str(s.get(0)).toLowerCase(Locale.ROOT);
            case "TO_UPPER": return str(s.get(0)).toUpperCase(Locale.ROOT);
            case "LENGTH": return (long) str(s.get(0)).codePointCount(0, str(s.get(0)).length());
            case "TRIM": return str(s.get(0)).strip();
            case "LTRIM": return str(s.get(0)).stripLeading();
            case "RTRIM": return str(s.get(0)).stripTrailing();
            case "CONCAT": {
                StringBuilder b = new StringBuilder();
                s.forEach(o -> b.append(str(o)));
                return b.toString();
            }
            case "STARTS_WITH": return str(s.get(0)).startsWith(str(s.get(1)));
            case "ENDS_WITH": return str(s.get(0)).endsWith(str(s.get(1)));
            case "SUBSTRING": return substring(str(s.get(0)), num(s.get(1)), s.size() > 2 ? num(s.get(2)) : Long.MAX_VALUE);
            case "LEFT": {
                String x = str(s.get(0));
                return cps(x, 0, Math.max(0, Math.min(num(s.get(1)), x.codePointCount(0, x.length()))));
            }
            case "RIGHT": {
                String x = str(s.get(0));
                int n = x.codePointCount(0, x.length());
                long k = Math.max(0, Math.min(num(s.get(1)), n));
                return cps(x, n - k, n);
            }
            case "LOCATE": return locate(str(s.get(0)), str(s.get(1)), s.size() > 2 ? num(s.get(2)) : 1);
            case "REPLACE": {
                try {
                    return Pattern.compile(str(s.get(1))).matcher(str(s.get(0))).replaceAll(str(s.get(2)));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new NeedsClusterException(text);
                }
            }
            case "SPLIT": {
                String d = str(s.get(1));
                List<Object> parts = new ArrayList<>(List.of(str(s.get(0)).split(Pattern.quote(d), -1)));
                return EsqlValues.ofElements(parts);
            }
            case "REVERSE": return new StringBuilder(str(s.get(0))).reverse().toString();
            case "TO_STRING": return EsqlValues.text(s.get(0));
            case "TO_LONG": case "TO_INTEGER": case "TO_INT": return cast(s.get(0), "long");
            case "TO_DOUBLE": case "TO_DBL": return cast(s.get(0), "double");
            case "TO_BOOLEAN": case "TO_BOOL": return cast(s.get(0), "boolean");
            case "TO_IP": return cast(s.get(0), "ip");
            case "TO_DATETIME": case "TO_DT": return cast(s.get(0), "datetime");
            case "ABS": return s.get(0) instanceof Long x ? Math.abs(x) : Math.abs(dbl(s.get(0)));
            case "FLOOR": return s.get(0) instanceof Long ? s.get(0) : Math.floor(dbl(s.get(0)));
            case "CEIL": return s.get(0) instanceof Long ? s.get(0) : Math.ceil(dbl(s.get(0)));
            case "ROUND": return round(s.get(0), s.size() > 1 ? num(s.get(1)) : 0);
            case "POW": return Math.pow(dbl(s.get(0)), dbl(s.get(1)));
            case "SQRT": return dbl(s.get(0)) < 0 ? null : Math.sqrt(dbl(s.get(0)));
            case "LOG10": return dbl(s.get(0)) <= 0 ? null : Math.log10(dbl(s.get(0)));
            case "GREATEST": return s.stream().max(EsqlValues::compare).orElse(null);
            case "LEAST": return s.stream().min(EsqlValues::compare).orElse(null);
            case "CIDR_MATCH": {
                InetAddress ip = (InetAddress) cast(s.get(0), "ip");
                for (int i = 1; i < s.size(); i++) {
                    if (Cidr.contains(str(s.get(i)), ip)) {
                        return true;
                    }
                }
                return false;
            }
            case "DATE_TRUNC": return dateTrunc(s.get(0), date(s.get(1)));
            case "DATE_DIFF": return dateDiff(str(s.get(0)), date(s.get(1)), date(s.get(2)));
            case "DATE_EXTRACT": return dateExtract(str(s.get(0)), date(s.get(1)));
            case "DATE_FORMAT": {
                if (s.size() == 1) {
                    return EsqlValues.text(date(s.get(0)));
                }
                return DateTimeFormatter.ofPattern(str(s.get(0)), Locale.ROOT).withZone(ZoneOffset.UTC)
                        .format(date(s.get(1)));
            }
            default:
                throw new NeedsClusterException("the function " + name + " (in " + text + ")");
        }
    }

    static Object cast(Object v, String type) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object c = cast(o, type);
                if (c != null) {
                    out.add(c);
                }
            }
            return EsqlValues.ofElements(out);
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "keyword": case "string": case "text":
                return EsqlValues.text(v);
            case "long": case "integer": case "int":
                if (v instanceof Long) {
                    return v;
                }
                if (v instanceof Double d) {
                    return Double.isFinite(d) ? (Object) d.longValue() : null;
                }
                if (v instanceof Boolean b) {
                    return b ? 1L : 0L;
                }
                if (v instanceof Instant i) {
                    return i.toEpochMilli();
                }
                try {
                    return new BigDecimal(str(v).trim()).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    try {
                        return new BigDecimal(str(v).trim()).setScale(0, RoundingMode.DOWN).longValueExact();
                    } catch (ArithmeticException | NumberFormatException e2) {
                        return null;
                    }
                }
            case "double":
                if (v instanceof Number n) {
                    return n.doubleValue();
                }
                if (v instanceof Boolean b) {
                    return b ? 1.0 : 0.0;
                }
                if (v instanceof Instant i) {
                    return (double) i.toEpochMilli();
                }
                try {
                    return Double.parseDouble(str(v).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            case "boolean": case "bool":
                if (v instanceof Boolean) {
                    return v;
                }
                if (v instanceof Number n) {
                    return n.doubleValue() != 0;
                }
                return str(v).equalsIgnoreCase("true");
            case "ip":
                if (v instanceof InetAddress) {
                    return v;
                }
                return EsqlValues.parseIp(str(v)).orElse(null);
            case "datetime": case "date":
                if (v instanceof Instant) {
                    return v;
                }
                if (v instanceof Long n) {
                    return Instant.ofEpochMilli(n);
                }
                if (v instanceof Double d) {
                    return Instant.ofEpochMilli(d.longValue());
                }
                return EsqlValues.parseDate(str(v)).orElse(null);
            default:
                throw new NeedsClusterException("the cast ::" + type);
        }
    }

    private static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        throw new EsqlRuntimeException("expected a string, got [" + EsqlValues.typeOf(o).label() + "]");
    }

    private static long num(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        throw new EsqlRuntimeException("expected an integer, got [" + EsqlValues.typeOf(o).label() + "]");
    }

    private static double dbl(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new EsqlRuntimeException("expected a number, got [" + EsqlValues.typeOf(o).label() + "]");
    }

    private static Instant date(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof String s) {
            return EsqlValues.parseDate(s).orElseThrow(() -> new EsqlRuntimeException("not a date: " + s));
        }
        throw new EsqlRuntimeException("expected a datetime, got [" + EsqlValues.typeOf(o).label() + "]");
    }

    private static String cps(String s, long from, long to) {
        int b = s.offsetByCodePoints(0, (int) from);
        int e = s.offsetByCodePoints(0, (int) to);
        return s.substring(b, e);
    }

    private static String substring(String s, long start, long len) {
        int n = s.codePointCount(0, s.length());
        long from = start < 0 ? Math.max(0, n + start) : Math.max(0, start - 1);
        if (from >= n || len <= 0) {
            return "";
        }
        long to = Math.min(n, from + len);
        return cps(s, from, to);
    }

    private static long locate(String s, String sub, long start) {
        int n = s.codePointCount(0, s.length());
        long from = start <= 0 ? 0 : start - 1;
        if (from > n) {
            return 0;
        }
        int idx = s.indexOf(sub, s.offsetByCodePoints(0, (int) from));
        return idx < 0 ? 0 : s.codePointCount(0, idx) + 1;
    }

    private static Object round(Object v, long digits) {
        if (v instanceof Long l) {
            if (digits >= 0) {
                return l;
            }
            return new BigDecimal(l).setScale((int) digits, RoundingMode.HALF_UP).longValue();
        }
        double d = dbl(v);
        if (!Double.isFinite(d)) {
            return d;
        }
        return new BigDecimal(Double.toString(d)).setScale((int) digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static Object dateTrunc(Object span, Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        if (span instanceof Duration d) {
            long ms = d.toMillis();
            if (ms <= 0) {
                return null;
            }
            return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
        }
        if (span instanceof Period p) {
            if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
                int y = z.getYear() - Math.floorMod(z.getYear(), p.getYears());
                return ZonedDateTime.of(y, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
            }
            if (p.getMonths() > 0 && p.getYears() == 0 && p.getDays() == 0) {
                long months = z.getYear() * 12L + z.getMonthValue() - 1;
                months -= Math.floorMod(months, p.getMonths());
                return ZonedDateTime.of((int) (months / 12), (int) (months % 12) + 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                        .toInstant();
            }
            if (p.getDays() == 7 && p.getMonths() == 0 && p.getYears() == 0) {
                return z.truncatedTo(ChronoUnit.DAYS).with(ChronoField.DAY_OF_WEEK, 1).toInstant();
            }
            if (p.getDays() == 1 && p.getMonths() == 0 && p.getYears() == 0) {
                return z.truncatedTo(ChronoUnit.DAYS).toInstant();
            }
        }
        throw new NeedsClusterException("DATE_TRUNC with the interval " + span);
    }

    private static Object dateDiff(String unit, Instant a, Instant b) {
        ChronoUnit u;
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "millisecond": case "milliseconds": case "ms": u = ChronoUnit.MILLIS; break;
            case "second": case "seconds": case "ss": case "s": u = ChronoUnit.SECONDS; break;
            case "minute": case "minutes": case "mi": case "n": u = ChronoUnit.MINUTES; break;
            case "hour": case "hours": case "hh": u = ChronoUnit.HOURS; break;
            case "day": case "days": case "dd": case "d": u = ChronoUnit.DAYS; break;
            case "week": case "weeks": case "wk": case "ww": u = ChronoUnit.WEEKS; break;
            default: throw new NeedsClusterException("DATE_DIFF with the unit " + unit);
        }
        return u.between(a, b);
    }

    private static Object dateExtract(String part, Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        try {
            return z.getLong(ChronoField.valueOf(part.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | java.time.temporal.UnsupportedTemporalTypeException e) {
            throw new NeedsClusterException("DATE_EXTRACT of " + part);
        }
    }
}
