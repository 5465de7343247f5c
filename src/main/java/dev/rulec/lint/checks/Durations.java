package dev.rulec.lint.checks;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kibana's rule schedule values: intervals ({@code 5m}, {@code 1h}, {@code 30s}, {@code 1d}) and date math relative to
 * now ({@code now-6m}, {@code now-1d/d}, {@code now}). Months and years count as 30 and 365 days, enough to compare
 * windows.
 */
public final class Durations {

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)([smhd])");
    private static final Pattern DATE_MATH = Pattern.compile("now(?:-(\\d+)([smhHdwMy]))?(?:/[smhHdwMy])?");

    private Durations() {
    }

    /** {@code 5m} → 5 minutes; empty when not of the form {@code <number><s|m|h|d>}. */
    public static Optional<Duration> interval(String text) {
        Matcher m = INTERVAL.matcher(text.trim());
        return m.matches() ? of(m.group(1), m.group(2)) : Optional.empty();
    }

    /**
     * How far back {@code now-6m} reaches (6 minutes; {@code now} is zero); rounding ({@code /d}) is ignored, as it only
     * widens the window. Empty when the text is not such date math.
     */
    public static Optional<Duration> lookBack(String dateMath) {
        Matcher m = DATE_MATH.matcher(dateMath.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return m.group(1) == null ? Optional.of(Duration.ZERO) : of(m.group(1), m.group(2));
    }

    private static Optional<Duration> of(String number, String unit) {
        long n;
        try {
            n = Long.parseLong(number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (n > 100_000_000L) {
            return Optional.empty();
        }
        return Optional.of(switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h", "H" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            case "M" -> Duration.ofDays(30 * n);
            case "y" -> Duration.ofDays(365 * n);
            default -> throw new IllegalStateException("unit " + unit);
        });
    }

    /** {@code 6m}, {@code 1h30m}, {@code 2d}: the shortest exact form, for messages. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                sb.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return sb.toString();
    }
}
