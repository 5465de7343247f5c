package dev.rulec.diag.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The output formats of diagnostics: text lines, JSON, SARIF 2.1.0 (code scanning) and JUnit XML (CI test reports). */
public enum ReportFormat {
    TEXT(new TextReporter()), JSON(new JsonReporter()), SARIF(new SarifReporter()), JUNIT(new JunitReporter());

    private final Reporter reporter;

    ReportFormat(Reporter reporter) {
        this.reporter = reporter;
    }

    public Reporter reporter() {
        return reporter;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> of(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::wireName).collect(Collectors.joining(", "));
    }
}
