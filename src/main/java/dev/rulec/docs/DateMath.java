package dev.rulec.docs;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kibana's schedule values: {@code interval} ({@code 15m}) and the relative date math of {@code from}
 * ({@code now-2h}). Only fixed-length units are understood; months, years and rounding ({@code now-1d/d}) are not
 * turned into a duration, and pages then show the value as written.
 */
final class DateMath {
    static final String DEFAULT_INTERVAL = "5m";
    static final String DEFAULT_FROM = "now-6m";
    static final long DEFAULT_MAX_SIGNALS = 100;

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})([smhdw])");
    private static final Pattern FROM = Pattern.compile("now(?:-(\\d{1,9})([smhdw]))?");

    private DateMath() {
    }

    /** {@code 15m} → 15 minutes. */
    static Optional<Duration> interval(String s) {
        Matcher m = INTERVAL.matcher(s.trim());
        return m.matches() ? Optional.of(of(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
    }

    /** {@code now-2h} → 2 hours before the run; {@code now} → zero. */
    static Optional<Duration> beforeNow(String s) {
        Matcher m = FROM.matcher(s.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) == null ? Duration.ZERO : of(Long.parseLong(m.group(1)), m.group(2)));
    }

    private static Duration of(long n, String unit) {
        switch (unit) {
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            case "d":
                return Duration.ofDays(n);
            case "w":
                return Duration.ofDays(7 * n);
            default:
                throw new IllegalArgumentException("unit not matched by the pattern: " + unit);
        }
    }
}
