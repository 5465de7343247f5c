package dev.rulec.lint.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.lint.LintFixtures.CLEAN;
import static dev.rulec.lint.LintFixtures.lines;
import static dev.rulec.lint.LintFixtures.run;
import static dev.rulec.lint.LintFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LookbackCoversIntervalTest {

    private static String schedule(String lines) {
        return with("type = \"query\"\n", "type = \"query\"\n" + lines + "\n");
    }

    @Test
    void acceptsKibanasDefaultsAndALongerLookBack() {
        assertEquals(List.of(), run(new LookbackCoversInterval(), CLEAN,
                schedule("from = \"now-9m\"\ninterval = \"5m\""), schedule("from = \"now-2h\"\ninterval = \"1h\""),
                schedule("from = \"now-1d/d\"\ninterval = \"1d\""), schedule("from = \"now-60s\"\ninterval = \"30s\"")));
    }

    @Test
    void reportsALookBackShorterThanTheInterval() {
        assertEquals(List.of("r.toml:14:1: error: the look-back 30m (from now-30m) is shorter than the interval 1h: "
                        + "events between runs are never searched (set from to at least \"now-1h\" plus a minute or "
                        + "two for ingest delay) [lookback-covers-interval]"),
                lines(run(new LookbackCoversInterval(), schedule("from = \"now-30m\"\ninterval = \"1h\""))));
    }

    @Test
    void reportsAnIntervalLongerThanTheDefaultLookBack() {
        assertEquals(List.of("r.toml:14:1: error: the look-back 6m (from now-6m, the default) is shorter than the "
                        + "interval 10m: events between runs are never searched (set from to at least \"now-10m\" plus "
                        + "a minute or two for ingest delay) [lookback-covers-interval]"),
                lines(run(new LookbackCoversInterval(), schedule("interval = \"10m\""))));
    }

    @Test
    void reportsUnreadableValues() {
        assertEquals(List.of("r.toml:14:1: error: from [yesterday] is not date math relative to now (write e.g. "
                        + "\"now-6m\" (units s, m, h, d)) [lookback-covers-interval]",
                        "r.toml:15:1: error: interval [5 minutes] is not a duration (write a number and a unit s, m, h "
                        + "or d, e.g. \"5m\") [lookback-covers-interval]"),
                lines(run(new LookbackCoversInterval(), schedule("from = \"yesterday\"\ninterval = \"5 minutes\""))));
    }

    @Test
    void parsesIntervalsAndDateMath() {
        assertEquals(java.time.Duration.ofSeconds(30), Durations.interval("30s").orElseThrow());
        assertEquals(java.time.Duration.ofDays(1), Durations.interval("1d").orElseThrow());
        assertEquals(java.time.Duration.ofMinutes(6), Durations.lookBack("now-6m").orElseThrow());
        assertEquals(java.time.Duration.ZERO, Durations.lookBack("now").orElseThrow());
        assertEquals(java.time.Duration.ofDays(14), Durations.lookBack("now-2w").orElseThrow());
        assertEquals("1h30m", Durations.format(java.time.Duration.ofMinutes(90)));
    }
}
