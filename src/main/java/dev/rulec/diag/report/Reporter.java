package dev.rulec.diag.report;

/** Writes a {@link Report} in one output format. */
public interface Reporter {
    String render(Report report);
}
