package dev.rulec.diag.report;

import dev.rulec.diag.Diagnostic;

/** One line per diagnostic: {@code file:line:col: severity: message (hint) [code]}. */
final class TextReporter implements Reporter {
    @Override
    public String render(Report report) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : report.diagnostics()) {
            sb.append(d.format()).append('\n');
        }
        return sb.toString();
    }
}
