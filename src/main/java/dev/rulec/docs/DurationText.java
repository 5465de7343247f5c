package dev.rulec.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A duration in words of one language: {@code 1 hour 45 minutes}, {@code 1 小时 45 分钟}. */
final class DurationText {
    private DurationText() {
    }

    static String of(Duration d, Messages m) {
        long s = d.getSeconds();
        List<String> parts = new ArrayList<>();
        add(parts, m, "duration.days", s / 86_400);
        add(parts, m, "duration.hours", s % 86_400 / 3_600);
        add(parts, m, "duration.minutes", s % 3_600 / 60);
        add(parts, m, "duration.seconds", s % 60);
        if (parts.isEmpty()) {
            return m.get("duration.seconds", 0L);
        }
        return String.join(m.get("duration.separator"), parts);
    }

    private static void add(List<String> parts, Messages m, String key, long n) {
        if (n > 0) {
            parts.add(m.get(key, n));
        }
    }
}
