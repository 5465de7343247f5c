package dev.rulec.cli;

import dev.rulec.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Where a command's report goes: standard output, or a file written atomically ({@code --out}). */
final class ReportOutput {
    private ReportOutput() {
    }

    /** @return false, having said why on {@code err}, when the file cannot be written */
    static boolean write(String text, Optional<Path> out, PrintWriter stdout, PrintWriter err) {
        if (out.isEmpty()) {
            stdout.print(text);
            stdout.flush();
            return true;
        }
        try {
            AtomicFiles.write(out.get(), text);
            return true;
        } catch (IOException e) {
            err.println("rulec: cannot write " + out.get() + ": " + e.getMessage());
            return false;
        }
    }
}
