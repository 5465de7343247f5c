package dev.rulec.diag;

import java.util.Objects;

/**
 * One finding about the user's input: where, how bad, what is wrong and how to fix it.
 *
 * @param code stable identifier (e.g. {@code toml.missing-field}, a lint check id)
 * @param hint how to fix it; empty when there is nothing useful to say
 */
public record Diagnostic(String code, Severity severity, SourcePos pos, String message, String hint) {

    public Diagnostic {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(severity, "severity is null");
        Objects.requireNonNull(pos, "pos is null");
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(hint, "hint is null");
    }

    public static Diagnostic error(String code, SourcePos pos, String message, String hint) {
        return new Diagnostic(code, Severity.ERROR, pos, message, hint);
    }

    public static Diagnostic warning(String code, SourcePos pos, String message, String hint) {
        return new Diagnostic(code, Severity.WARNING, pos, message, hint);
    }

    public static Diagnostic note(String code, SourcePos pos, String message, String hint) {
        return new Diagnostic(code, Severity.NOTE, pos, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: severity: message (hint) [code]} — the one text form every command prints. */
    public String format() {
        StringBuilder sb = new StringBuilder()
                .append(pos).append(": ").append(severity.label()).append(": ").append(message);
        if (!hint.isEmpty()) {
            sb.append(" (").append(hint).append(')');
        }
        return sb.append(" [").append(code).append(']').toString();
    }
}
