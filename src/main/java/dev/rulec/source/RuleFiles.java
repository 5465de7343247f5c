package dev.rulec.source;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the rule files under the paths a user gives: TOML and Sigma YAML, in a stable order. */
public final class RuleFiles {

    private RuleFiles() {
    }

    public enum Kind { TOML, SIGMA }

    public static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".toml") || n.endsWith(".yml") || n.endsWith(".yaml");
    }

    public static Kind kindOf(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".toml") ? Kind.TOML : Kind.SIGMA;
    }

    /** Files named directly are taken whatever their extension; folders are walked for rule files, sorted. */
    public static List<Path> expand(List<Path> paths, Diagnostics diags) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(RuleFiles::isRuleFile).sorted().forEach(out::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    diags.error("io.read", SourcePos.startOf(p.toString()), "cannot list folder: " + e.getMessage(),
                            "check the folder's permissions");
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                diags.error("io.missing", SourcePos.startOf(p.toString()), "no such file or folder",
                        "check the path");
            }
        }
        return out;
    }
}
