package dev.rulec.diag.report;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a command found, ready to be written in any {@link ReportFormat}.
 *
 * @param files every input file, with or without findings (JUnit writes one test case per file)
 * @param codes descriptions of the diagnostic codes (lint checks); codes without one are described by their id
 * @param failLevel findings at or above it fail the run (JUnit failures); those below are informational
 * @param baseDir paths are written relative to it where they lie under it (normally the working directory)
 */
public record Report(String tool, String toolVersion, List<Diagnostic> diagnostics, List<String> files,
                     List<CodeInfo> codes, Severity failLevel, Path baseDir) {

    public Report {
        Objects.requireNonNull(tool, "tool is null");
        Objects.requireNonNull(toolVersion, "toolVersion is null");
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
        codes = List.copyOf(codes);
        Objects.requireNonNull(failLevel, "failLevel is null");
        baseDir = baseDir.toAbsolutePath().normalize();
    }

    /** One diagnostic code explained: a lint check's id, its one-line rationale and how to act on it. */
    public record CodeInfo(String id, String shortDescription, String help, Severity defaultSeverity) {
        public CodeInfo {
            Objects.requireNonNull(id, "id is null");
            Objects.requireNonNull(shortDescription, "shortDescription is null");
            Objects.requireNonNull(help, "help is null");
            Objects.requireNonNull(defaultSeverity, "defaultSeverity is null");
        }
    }

    public boolean fails(Diagnostic d) {
        return d.severity().compareTo(failLevel) >= 0;
    }

    public long count(Severity s) {
        return diagnostics.stream().filter(d -> d.severity() == s).count();
    }

    /** A file path as written in reports: relative to {@link #baseDir} when under it, with forward slashes. */
    public String displayPath(String file) {
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                Path n = p.normalize();
                if (n.startsWith(baseDir)) {
                    p = baseDir.relativize(n);
                }
            } else {
                p = p.normalize();
            }
            return p.toString().replace(java.io.File.separatorChar, '/');
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }
}
