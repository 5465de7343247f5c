package dev.rulec.ruletest.esql;

import dev.rulec.lang.esql.EsqlExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The aggregate functions of STATS over the values of a group (each element of a multi-value counts). */
final class Aggregates {
    private Aggregates() {
    }

    private static final Set<String> NAMES = Set.of("COUNT", "COUNT_DISTINCT", "SUM", "MIN", "MAX", "AVG", "VALUES",
            "TOP", "MEDIAN", "PERCENTILE", "MEDIAN_ABSOLUTE_DEVIATION", "STD_DEV", "WEIGHTED_AVG", "SPATIAL_CENTROID",
            "SPATIAL_EXTENT", "RATE", "SAMPLE", "FIRST_OVER_TIME", "LAST_OVER_TIME", "COUNT_OVER_TIME");

    static boolean isAggregate(EsqlExpr.Call c) {
        return NAMES.contains(c.name().toUpperCase(Locale.ROOT));
    }

    /**
     * @param valuesOf the values of the argument expression for every row of the group (rows where it is null give
     *     no element)
     */
    static Object compute(EsqlExpr.Call c, int rowCount, Function<EsqlExpr, List<Object>> valuesOf) {
        String name = c.name().toUpperCase(Locale.ROOT);
        if (name.equals("COUNT") && (c.star() || c.args().isEmpty())) {
            return (long) rowCount;
        }
        if (c.args().isEmpty()) {
            throw new NeedsClusterException(c.text());
        }
        List<Object> v = valuesOf.apply(c.args().get(0));
        switch (name) {
            case "COUNT":
                return (long) v.size();
            case "COUNT_DISTINCT": {
                TreeSet<Object> s = new TreeSet<>(EsqlValues::compare);
                s.addAll(v);
                return (long) s.size();
            }
            case "SUM": {
                Object sum = null;
                for (Object o : v) {
                    if (!(o instanceof Number)) {
                        throw new EsqlRuntimeException("SUM needs a number, got " + EsqlValues.typeOf(o).label());
                    }
                    sum = sum == null ? o : ExprEval.arithmetic("+", sum, o);
                }
                return sum;
            }
            case "AVG": {
                if (v.isEmpty()) {
                    return null;
                }
                double s = 0;
                for (Object o : v) {
                    s += ((Number) o).doubleValue();
                }
                return s / v.size();
            }
            case "MIN":
                return v.stream().min(EsqlValues::compare).orElse(null);
            case "MAX":
                return v.stream().max(EsqlValues::compare).orElse(null);
            case "VALUES": {
                TreeSet<Object> s = new TreeSet<>(EsqlValues::compare);
                s.addAll(v);
                return EsqlValues.ofElements(s);
            }
            case "TOP": {
                if (c.args().size() != 3) {
                    throw new NeedsClusterException(c.text());
                }
                long n = (Long) valuesOf.apply(c.args().get(1)).get(0);
                String order = String.valueOf(valuesOf.apply(c.args().get(2)).get(0));
                List<Object> sorted = new ArrayList<>(v);
                sorted.sort(EsqlValues::compare);
                if (order.equalsIgnoreCase("desc")) {
                    java.util.Collections.reverse(sorted);
                }
                return EsqlValues.ofElements(sorted.subList(0, (int) Math.min(n, sorted.size())));
            }
            default:
                throw new NeedsClusterException("the aggregate " + name);
        }
    }
}
