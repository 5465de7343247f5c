package dev.rulec.lang.esql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.rulec.lang.esql.EsqlType.*;

/**
 * The one table of ES|QL functions of Elasticsearch 8.19: name, arity, argument kinds, return type. Arity and the
 * set of names were checked against an 8.19 node (an unknown name is a verification error there; a wrong argument
 * count is a parsing error, "error building [f]: expects …"); kinds and return types follow the function reference.
 *
 * <p>Argument spec: one letter per position, a trailing {@code ?} makes it optional, a trailing {@code *} repeats it:
 * {@code a} any, {@code s} string, {@code n} numeric, {@code i} whole number, {@code b} boolean, {@code d} date,
 * {@code p} ip, {@code g} spatial, {@code t} date or numeric, {@code u} time span, {@code m} option map.
 */
public final class EsqlFunctions {
    private EsqlFunctions() {
    }

    /** How the result type is found: a fixed type, or {@code null} for "the type of the first argument". */
    public record Function(String name, String spec, EsqlType returns, boolean aggregate, boolean grouping) {
        public int minArgs() {
            return (int) spec.chars().filter(Character::isLetter).count()
                    - (int) countSuffixed('?') - (int) countSuffixed('*');
        }

        /** {@code -1} when the last argument repeats. */
        public int maxArgs() {
            return spec.indexOf('*') >= 0 ? -1 : (int) spec.chars().filter(Character::isLetter).count();
        }

        /** The kind letter of argument {@code i} (0-based). */
        public char kind(int i) {
            String letters = spec.replaceAll("[^a-z]", "");
            return letters.isEmpty() ? 'a' : letters.charAt(Math.min(i, letters.length() - 1));
        }

        private long countSuffixed(char c) {
            return spec.chars().filter(x -> x == c).count();
        }
    }

    private static final Map<String, Function> BY_NAME = new HashMap<>();
    private static final Map<String, String> ALIASES = Map.of("to_bool", "to_boolean", "to_dt", "to_datetime",
            "to_datenanos", "to_date_nanos", "to_dbl", "to_double", "to_int", "to_integer", "to_str", "to_string",
            "to_ul", "to_unsigned_long", "to_ulong", "to_unsigned_long", "to_ver", "to_version");

    /** Functions that later releases added and detection rules already use: a parse error in 8.19 (keywords). */
    private static final List<String> LATER_KEYWORD_FUNCTIONS = List.of("first", "last");

    private static void agg(String name, String spec, EsqlType returns) {
        BY_NAME.put(name, new Function(name, spec, returns, true, false));
    }

    private static void fn(String name, String spec, EsqlType returns) {
        BY_NAME.put(name, new Function(name, spec, returns, false, false));
    }

    static {
        // aggregate
        agg("avg", "n", DOUBLE);
        agg("count", "a?", LONG);
        agg("count_distinct", "an?", LONG);
        agg("max", "a", null);
        agg("median", "n", DOUBLE);
        agg("median_absolute_deviation", "n", DOUBLE);
        agg("min", "a", null);
        agg("percentile", "nn", DOUBLE);
        agg("st_centroid_agg", "g", null);
        agg("st_extent_agg", "g", GEO_SHAPE);
        agg("std_dev", "n", DOUBLE);
        agg("sum", "n", null);
        agg("top", "ais", null);
        agg("values", "a", null);
        agg("weighted_avg", "nn", DOUBLE);
        agg("sample", "ai", null);
        // grouping
        BY_NAME.put("bucket", new Function("bucket", "tat?t?", null, false, true));
        BY_NAME.put("categorize", new Function("categorize", "s", KEYWORD, false, true));
        // conditional
        fn("case", "baa*", UNKNOWN);
        fn("coalesce", "aa*", null);
        fn("greatest", "aa*", null);
        fn("least", "aa*", null);
        // date and time
        fn("date_diff", "sdd", INTEGER);
        fn("date_extract", "sd", LONG);
        fn("date_format", "ad?", KEYWORD);
        fn("date_parse", "ss?", DATETIME);
        fn("date_trunc", "ud", null);
        fn("now", "", DATETIME);
        // ip
        fn("cidr_match", "pss*", BOOLEAN);
        fn("ip_prefix", "pii?", IP);
        // math
        for (String f : List.of("abs", "ceil", "floor", "signum")) {
            fn(f, "n", null);
        }
        for (String f : List.of("acos", "asin", "atan", "cbrt", "cos", "cosh", "exp", "log10", "sin", "sinh", "sqrt", "tan",
                "tanh")) {
            fn(f, "n", DOUBLE);
        }
        fn("atan2", "nn", DOUBLE);
        fn("hypot", "nn", DOUBLE);
        fn("log", "nn?", DOUBLE);
        fn("pow", "nn", DOUBLE);
        fn("round", "ni?", null);
        fn("round_to", "aaa*", null);
        fn("scalb", "ni", null);
        fn("e", "", DOUBLE);
        fn("pi", "", DOUBLE);
        fn("tau", "", DOUBLE);
        // full-text search
        fn("kql", "s", BOOLEAN);
        fn("qstr", "sm?", BOOLEAN);
        fn("match", "aam?", BOOLEAN);
        fn("match_phrase", "asm?", BOOLEAN);
        // spatial
        for (String f : List.of("st_contains", "st_disjoint", "st_intersects", "st_within")) {
            fn(f, "gg", BOOLEAN);
        }
        fn("st_distance", "gg", DOUBLE);
        fn("st_envelope", "g", null);
        for (String f : List.of("st_x", "st_y", "st_xmax", "st_xmin", "st_ymax", "st_ymin")) {
            fn(f, "g", DOUBLE);
        }
        // string
        fn("bit_length", "s", INTEGER);
        fn("byte_length", "s", INTEGER);
        fn("concat", "sss*", KEYWORD);
        fn("ends_with", "ss", BOOLEAN);
        fn("starts_with", "ss", BOOLEAN);
        fn("from_base64", "s", KEYWORD);
        fn("to_base64", "s", KEYWORD);
        fn("hash", "ss", KEYWORD);
        fn("left", "si", KEYWORD);
        fn("right", "si", KEYWORD);
        fn("length", "s", INTEGER);
        fn("locate", "ssi?", INTEGER);
        fn("ltrim", "s", KEYWORD);
        fn("rtrim", "s", KEYWORD);
        fn("trim", "s", KEYWORD);
        fn("md5", "s", KEYWORD);
        fn("sha1", "s", KEYWORD);
        fn("sha256", "s", KEYWORD);
        fn("repeat", "si?", KEYWORD);
        fn("replace", "sss", KEYWORD);
        fn("reverse", "s", KEYWORD);
        fn("space", "i", KEYWORD);
        fn("split", "ss", KEYWORD);
        fn("substring", "sii?", KEYWORD);
        fn("to_lower", "s", KEYWORD);
        fn("to_upper", "s", KEYWORD);
        // type conversion
        fn("to_boolean", "a", BOOLEAN);
        fn("to_cartesianpoint", "a", CARTESIAN_POINT);
        fn("to_cartesianshape", "a", CARTESIAN_SHAPE);
        fn("to_dateperiod", "a", DATE_PERIOD);
        fn("to_datetime", "a", DATETIME);
        fn("to_date_nanos", "a", DATE_NANOS);
        fn("to_degrees", "n", DOUBLE);
        fn("to_radians", "n", DOUBLE);
        fn("to_double", "a", DOUBLE);
        fn("to_geopoint", "a", GEO_POINT);
        fn("to_geoshape", "a", GEO_SHAPE);
        fn("to_integer", "a", INTEGER);
        fn("to_ip", "am?", IP);
        fn("to_long", "a", LONG);
        fn("to_string", "a", KEYWORD);
        fn("to_timeduration", "a", TIME_DURATION);
        fn("to_unsigned_long", "a", UNSIGNED_LONG);
        fn("to_version", "a", VERSION);
        fn("to_aggregate_metric_double", "a", UNSUPPORTED);
        // multi-value
        fn("mv_append", "aa", null);
        fn("mv_avg", "n", DOUBLE);
        fn("mv_concat", "ss", KEYWORD);
        fn("mv_count", "a", INTEGER);
        fn("mv_dedupe", "a", null);
        fn("mv_first", "a", null);
        fn("mv_last", "a", null);
        fn("mv_max", "a", null);
        fn("mv_min", "a", null);
        fn("mv_median", "n", null);
        fn("mv_median_absolute_deviation", "n", null);
        fn("mv_percentile", "nn", null);
        fn("mv_pseries_weighted_sum", "nn", DOUBLE);
        fn("mv_slice", "aii?", null);
        fn("mv_sort", "as?", null);
        fn("mv_sum", "n", null);
        fn("mv_zip", "sss?", KEYWORD);
    }

    /** The function with this name or alias, case-insensitively. */
    public static Optional<Function> lookup(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_NAME.get(ALIASES.getOrDefault(n, n)));
    }

    /** A name that 8.19's grammar reserves as a keyword, though later releases made it a function. */
    public static boolean isLaterKeywordFunction(String name) {
        return LATER_KEYWORD_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Elasticsearch's wording for an arity error: "expects exactly one argument", "expects two or three arguments"… */
    public static String arityMessage(Function f) {
        int min = f.minArgs();
        int max = f.maxArgs();
        if (max < 0) {
            return "expects at least " + word(min) + " argument" + (min == 1 ? "" : "s");
        }
        if (min == max) {
            return "expects exactly " + word(min) + " argument" + (min == 1 ? "" : "s");
        }
        if (max == min + 1) {
            return "expects " + word(min) + " or " + word(max) + " arguments";
        }
        return "expects minimum " + word(min) + ", maximum " + word(max) + " arguments";
    }

    private static String word(int n) {
        String[] words = {"zero", "one", "two", "three", "four", "five"};
        return n < words.length ? words[n] : Integer.toString(n);
    }
}
