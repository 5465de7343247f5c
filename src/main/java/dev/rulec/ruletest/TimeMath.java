package dev.rulec.ruletest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Elasticsearch date math relative to now ({@code now}, {@code now-3h}, {@code now-1d/d}), in UTC. */
public final class TimeMath {
    private TimeMath() {
    }

    private static final Pattern EXPR = Pattern.compile("now((?:[+-]\\d+[yMwdhHms])*)(?:/([yMwdhHms]))?");
    private static final Pattern STEP = Pattern.compile("([+-])(\\d+)([yMwdhHms])");

    /** Whether the text is date math on {@code now}. */
    public static boolean isRelative(String s) {
        return EXPR.matcher(s).matches();
    }

    /** The instant the expression names, or empty when it is not date math on {@code now}. */
    public static Optional<Instant> resolve(String s, Instant now) {
        Matcher m = EXPR.matcher(s.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        Matcher step = STEP.matcher(m.group(1));
        while (step.find()) {
            long n = Long.parseLong(step.group(2)) * (step.group(1).equals("-") ? -1 : 1);
            t = t.plus(n, unit(step.group(3).charAt(0)));
        }
        if (m.group(2) != null) {
            char u = m.group(2).charAt(0);
            if (u == 'y') {
                t = t.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
            } else if (u == 'M') {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            } else if (u == 'w') {
                t = t.with(java.time.DayOfWeek.MONDAY).truncatedTo(ChronoUnit.DAYS);
            } else {
                t = t.truncatedTo(unit(u));
            }
        }
        return Optional.of(t.toInstant());
    }

    /** An absolute instant (ISO-8601) or date math on now. */
    public static Optional<Instant> instant(String s, Instant now) {
        Optional<Instant> rel = resolve(s, now);
        if (rel.isPresent()) {
            return rel;
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(s).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ChronoUnit unit(char c) {
        switch (c) {
            case 'y': return ChronoUnit.YEARS;
            case 'M': return ChronoUnit.MONTHS;
            case 'w': return ChronoUnit.WEEKS;
            case 'd': return ChronoUnit.DAYS;
            case 'h': case 'H': return ChronoUnit.HOURS;
            case 'm': return ChronoUnit.MINUTES;
            default: return ChronoUnit.SECONDS;
        }
    }
}
