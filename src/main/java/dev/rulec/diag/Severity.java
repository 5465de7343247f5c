package dev.rulec.diag;

/** How bad a diagnostic is. Ordered from least to most severe. */
public enum Severity {
    NOTE, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
