package dev.rulec.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files under {@code src/test/resources/golden/}: compiler output reviewed like code.
 * Run with {@code -Drulec.golden.update=true} to rewrite them, then review the diff.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String relative, String actual) throws IOException {
        Path file = ROOT.resolve(relative);
        if (Boolean.getBoolean("rulec.golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("rulec.golden.update")) {
                throw new AssertionError("golden file " + file + " was missing and has been written; review it");
            }
            return;
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from golden file " + file
                + " (rerun with -Drulec.golden.update=true to accept)");
    }
}
