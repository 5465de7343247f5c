package dev.rulec.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files under {@code src/test/resources/golden/docs/}. Run with {@code -Drulec.golden.update=true} to
 * rewrite them from the current output (then review the diff).
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden/docs");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("rulec.golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, () -> "golden " + file + " differs (rerun with -Drulec.golden.update=true "
                + "to rewrite it, then review the diff)");
    }
}
