package dev.rulec.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Kibana's four alert severities. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(s)).findFirst();
    }
}
