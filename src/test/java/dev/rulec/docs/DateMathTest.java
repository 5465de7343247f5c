package dev.rulec.docs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateMathTest {
    @Test
    void readsIntervalsInEachUnit() {
        assertEquals(Optional.of(Duration.ofMinutes(15)), DateMath.interval("15m"));
        assertEquals(Optional.of(Duration.ofHours(6)), DateMath.interval("6h"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), DateMath.interval("30s"));
        assertEquals(Optional.of(Duration.ofDays(14)), DateMath.interval("2w"));
        assertEquals(Optional.empty(), DateMath.interval("15 minutes"));
    }

    @Test
    void readsRelativeFromAndLeavesRoundingAndMonthsAlone() {
        assertEquals(Optional.of(Duration.ofHours(2)), DateMath.beforeNow("now-2h"));
        assertEquals(Optional.of(Duration.ofMinutes(7205)), DateMath.beforeNow("now-7205m"));
        assertEquals(Optional.of(Duration.ZERO), DateMath.beforeNow("now"));
        assertEquals(Optional.empty(), DateMath.beforeNow("now-1d/d"));
        assertEquals(Optional.empty(), DateMath.beforeNow("now-1M"));
        assertEquals(Optional.empty(), DateMath.beforeNow("2024-01-01"));
    }

    @Test
    void spellsDurationsInBothLanguages() {
        Messages en = Messages.of(DocLanguage.EN);
        Messages zh = Messages.of(DocLanguage.ZH_CN);
        assertEquals("1 hour 45 minutes", DurationText.of(Duration.ofMinutes(105), en));
        assertEquals("1 小时 45 分钟", DurationText.of(Duration.ofMinutes(105), zh));
        assertEquals("5 days 40 minutes", DurationText.of(Duration.ofMinutes(7200 + 40), en));
        assertEquals("1 day", DurationText.of(Duration.ofDays(1), en));
        assertEquals("0 seconds", DurationText.of(Duration.ZERO, en));
        assertEquals("2 秒", DurationText.of(Duration.ofSeconds(2), zh));
    }
}
