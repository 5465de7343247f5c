package dev.rulec.lint;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.diag.SourcePos;

import java.util.function.Predicate;

/**
 * Where one check reports: each finding becomes a {@link Diagnostic} with the check's id as code and its configured
 * severity, unless its file is excluded for that check.
 */
public final class Findings {

    private final String checkId;
    private final Severity severity;
    private final Predicate<String> excluded;
    private final Diagnostics sink;

    Findings(String checkId, Severity severity, Predicate<String> excluded, Diagnostics sink) {
        this.checkId = checkId;
        this.severity = severity;
        this.excluded = excluded;
        this.sink = sink;
    }

    /** A sink for tests and tools: everything goes to {@code sink} with the check's default severity. */
    public static Findings into(Check check, Diagnostics sink) {
        return new Findings(check.id(), check.defaultSeverity(), f -> false, sink);
    }

    /** Reports a finding; {@code hint} says how to fix it (empty when nothing useful can be said). */
    public void report(SourcePos pos, String message, String hint) {
        if (!excluded.test(pos.file())) {
            sink.add(new Diagnostic(checkId, severity, pos, message, hint));
        }
    }

    /** Whether findings in this file would be dropped: lets a check skip costly work. */
    public boolean isExcluded(String file) {
        return excluded.test(file);
    }
}
