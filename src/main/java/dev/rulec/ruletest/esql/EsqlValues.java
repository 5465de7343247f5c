package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rulec.lang.esql.EsqlType;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How the interpreter holds ES|QL values: {@code null}; {@code String} (keyword, text); {@code Long} (integer, long);
 * {@code Double}; {@code Boolean}; {@code Instant} (datetime); {@code InetAddress} (ip); {@code Duration} and
 * {@code Period} (time spans); and a {@code List} of two or more of those for a multi-value.
 */
final class EsqlValues {
    private EsqlValues() {
    }

    static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static boolean isMulti(Object v) {
        return v instanceof List;
    }

    /** The elements of a value: none for null, one for a single value. */
    static List<Object> elements(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(v);
    }

    /** A value from elements: null when empty, the element alone, or a multi-value. */
    static Object ofElements(Collection<?> elems) {
        if (elems.isEmpty()) {
            return null;
        }
        if (elems.size() == 1) {
            return elems.iterator().next();
        }
        return List.copyOf(elems);
    }

    /** Converts one JSON scalar of an event to a field of this type, as Elasticsearch would index it. */
    static Object fromJson(JsonNode n, EsqlType type) {
        switch (type) {
            case KEYWORD:
            case TEXT:
                return n.isTextual() ? n.textValue() : n.asText();
            case LONG:
            case INTEGER:
                if (n.isIntegralNumber()) {
                    return n.longValue();
                }
                if (n.isNumber()) {
                    return (long) n.doubleValue();
                }
                try {
                    return new BigDecimal(n.asText().trim()).longValue();
                } catch (NumberFormatException e) {
                    throw new EsqlRuntimeException("cannot index [" + n.asText() + "] as a " + type.label());
                }
            case DOUBLE:
                try {
                    return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText().trim());
                } catch (NumberFormatException e) {
                    throw new EsqlRuntimeException("cannot index [" + n.asText() + "] as a double");
                }
            case BOOLEAN:
                if (n.isBoolean()) {
                    return n.booleanValue();
                }
                String b = n.asText();
                if (b.equals("true") || b.equals("false")) {
                    return Boolean.parseBoolean(b);
                }
                if (b.isEmpty()) {
                    return false;
                }
                throw new EsqlRuntimeException("cannot index [" + b + "] as a boolean");
            case DATETIME:
            case DATE_NANOS:
                if (n.isNumber()) {
                    return Instant.ofEpochMilli(n.longValue());
                }
                return parseDate(n.asText()).orElseThrow(
                        () -> new EsqlRuntimeException("cannot index [" + n.asText() + "] as a date"));
            case IP:
                return parseIp(n.asText()).orElseThrow(
                        () -> new EsqlRuntimeException("cannot index [" + n.asText() + "] as an ip"));
            default:
                throw new NeedsClusterException("fields of type " + type.label());
        }
    }

    static Optional<Instant> parseDate(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                try {
                    return Optional.of(java.time.LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e3) {
                    return Optional.empty();
                }
            }
        }
    }

    static Optional<InetAddress> parseIp(String s) {
        String t = s.trim();
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Parses a time-span literal ({@code 7 days}, {@code 1 hour}). */
    static Object timeSpan(String text) {
        String[] p = text.trim().split("\\s+");
        long n = Long.parseLong(p[0]);
        String unit = p[p.length - 1].toLowerCase(Locale.ROOT);
        switch (unit) {
            case "millisecond": case "milliseconds": case "ms":
                return Duration.ofMillis(n);
            case "second": case "seconds": case "sec": case "s":
                return Duration.ofSeconds(n);
            case "minute": case "minutes": case "min":
                return Duration.ofMinutes(n);
            case "hour": case "hours": case "h":
                return Duration.ofHours(n);
            case "day": case "days": case "d":
                return Period.ofDays((int) n);
            case "week": case "weeks": case "w":
                return Period.ofWeeks((int) n);
            case "month": case "months": case "mo":
                return Period.ofMonths((int) n);
            case "quarter": case "quarters": case "q":
                return Period.ofMonths((int) n * 3);
            case "year": case "years": case "yr": case "y":
                return Period.ofYears((int) n);
            default:
                throw new NeedsClusterException("the time unit " + unit);
        }
    }

    /** The ES|QL type of a computed value. */
    static EsqlType typeOf(Object v) {
        Object e = v instanceof List<?> l ? l.get(0) : v;
        if (e == null) {
            return EsqlType.NULL;
        }
        if (e instanceof String) {
            return EsqlType.KEYWORD;
        }
        if (e instanceof Long) {
            return EsqlType.LONG;
        }
        if (e instanceof Double) {
            return EsqlType.DOUBLE;
        }
        if (e instanceof Boolean) {
            return EsqlType.BOOLEAN;
        }
        if (e instanceof Instant) {
            return EsqlType.DATETIME;
        }
        if (e instanceof InetAddress) {
            return EsqlType.IP;
        }
        if (e instanceof Duration) {
            return EsqlType.TIME_DURATION;
        }
        return EsqlType.DATE_PERIOD;
    }

    /** The value as Elasticsearch's {@code _query} JSON response writes it. */
    static JsonNode toJson(Object v) {
        if (v == null) {
            return JSON.nullNode();
        }
        if (v instanceof List<?> l) {
            ArrayNode a = JSON.arrayNode();
            l.forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v instanceof String s) {
            return JSON.textNode(s);
        }
        if (v instanceof Long n) {
            return JSON.numberNode(n);
        }
        if (v instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (v instanceof Instant i) {
            return JSON.textNode(ISO_MILLIS.format(i));
        }
        if (v instanceof InetAddress ip) {
            return JSON.textNode(ipText(ip));
        }
        return JSON.textNode(v.toString());
    }

    static String ipText(InetAddress ip) {
        String s = ip.getHostAddress();
        if (ip instanceof java.net.Inet6Address) {
            s = s.replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceAll("(^|:)0+([0-9a-f])", "$1$2");
        }
        return s;
    }

    /** Text of a scalar as TO_STRING gives it. */
    static String text(Object v) {
        if (v instanceof Instant i) {
            return ISO_MILLIS.format(i);
        }
        if (v instanceof InetAddress ip) {
            return ipText(ip);
        }
        if (v instanceof Double d) {
            return d.toString();
        }
        return String.valueOf(v);
    }

    /** Orders two scalars of comparable types; a type mismatch is a verification error in Elasticsearch. */
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (a instanceof Long la && b instanceof Long lb) {
                return Long.compare(la, lb);
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return compareUtf8(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof String y) {
            return x.compareTo(parseDate(y).orElseThrow(() -> mismatch(a, b)));
        }
        if (a instanceof String x && b instanceof Instant y) {
            return parseDate(x).orElseThrow(() -> mismatch(a, b)).compareTo(y);
        }
        if (a instanceof InetAddress x && b instanceof InetAddress y) {
            return compareIp(x, y);
        }
        if (a instanceof InetAddress x && b instanceof String y) {
            return compareIp(x, parseIp(y).orElseThrow(() -> mismatch(a, b)));
        }
        if (a instanceof String x && b instanceof InetAddress y) {
            return compareIp(parseIp(x).orElseThrow(() -> mismatch(a, b)), y);
        }
        throw mismatch(a, b);
    }

    private static EsqlRuntimeException mismatch(Object a, Object b) {
        return new EsqlRuntimeException("cannot compare [" + typeOf(a).label() + "] with [" + typeOf(b).label() + "]");
    }

    static int compareUtf8(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; ) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(i);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
        }
        return Integer.compare(x.length(), y.length());
    }

    private static int compareIp(InetAddress x, InetAddress y) {
        byte[] a = v6(x.getAddress());
        byte[] b = v6(y.getAddress());
        return java.util.Arrays.compareUnsigned(a, b);
    }

    static byte[] v6(byte[] a) {
        if (a.length == 16) {
            return a;
        }
        byte[] r = new byte[16];
        r[10] = (byte) 0xff;
        r[11] = (byte) 0xff;
        System.arraycopy(a, 0, r, 12, 4);
        return r;
    }

    /** Sorted distinct elements, as keyword and ip doc values give them. */
    static Object sortedSet(List<Object> elems) {
        TreeSet<Object> s = new TreeSet<>(EsqlValues::compare);
        s.addAll(elems);
        return ofElements(s);
    }

    static Object sorted(List<Object> elems) {
        List<Object> l = new ArrayList<>(elems);
        l.sort(EsqlValues::compare);
        return ofElements(l);
    }
}
