package dev.rulec.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The {@code ../shared} folder (corpora, Kibana schema, field tables): tests that need it skip, saying so, when absent. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path root() {
        return Path.of(System.getProperty("rulec.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** A path under shared/, or the test is skipped with a message naming what is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: " + p + " is absent (the shared/ folder beside the project)");
        return p;
    }

    /** SigmaHQ's rule files ({@code corpus/sigma/rules/**.yml}), sorted; the test is skipped when they are absent. */
    public static List<Path> sigmaRules() {
        try (Stream<Path> s = Files.walk(require("corpus/sigma/rules"))) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
