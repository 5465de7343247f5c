package dev.rulec.cli;

import dev.rulec.diag.Diagnostic;

import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics in the one text form, then a count. */
final class DiagnosticPrinter {

    private DiagnosticPrinter() {
    }

    static void print(List<Diagnostic> diags, PrintWriter err) {
        for (Diagnostic d : diags) {
            err.println(d.format());
        }
    }
}
