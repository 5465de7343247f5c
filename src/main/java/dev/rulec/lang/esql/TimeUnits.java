package dev.rulec.lang.esql;

import java.util.Set;

/** The time-span units ES|QL accepts after an integer ({@code 7 days}, {@code 1 hour}, {@code 30 min}). */
final class TimeUnits {
    private TimeUnits() {
    }

    private static final Set<String> DURATION = Set.of("millisecond", "milliseconds", "ms", "second", "seconds", "sec",
            "s", "minute", "minutes", "min", "hour", "hours", "h");
    private static final Set<String> PERIOD = Set.of("day", "days", "d", "week", "weeks", "w", "month", "months", "mo",
            "quarter", "quarters", "q", "year", "years", "yr", "y");

    static boolean isPeriod(String unit) {
        return PERIOD.contains(unit);
    }

    static boolean isKnown(String unit) {
        return DURATION.contains(unit) || PERIOD.contains(unit);
    }
}
