package dev.rulec.cli;

import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --format toml} loses nothing: every SigmaHQ rule compiled to detection-rules TOML and that TOML compiled
 * again gives the very payload the Sigma rule gives directly, byte for byte, for each target. The TOML is what a team
 * keeps in its detection-rules repository after converting, so a difference would change what Kibana runs.
 */
class SigmaTomlRoundTripCorpusTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kql", "esql", "lucene"})
    void sigmaThroughTomlGivesTheSamePayloadAsSigmaDirectly(String target) throws IOException {
        String corpus = SharedFiles.require("corpus/sigma/rules").toString();
        Path toml = tmp.resolve("toml");
        Path direct = tmp.resolve("direct");
        Path back = tmp.resolve("back");
        // Exit 1: some corpus rules are refused with a reason; those are written in neither form.
        CommandRun.of("compile", "--target", target, "--format", "toml", "--out", toml + "/", corpus);
        CommandRun.of("compile", "--target", target, "--format", "json", "--out", direct + "/", corpus);
        CommandRun again = CommandRun.of("compile", "--format", "json", "--out", back + "/", toml.toString());
        assertEquals(0, again.exitCode(), again::toString);

        List<String> names = names(direct);
        assertTrue(names.size() > 3000, () -> "only " + names.size() + " rules compiled to " + target);
        assertEquals(names, names(back), "the same rules come back from the TOML");
        List<String> differing = new ArrayList<>();
        for (String n : names) {
            if (!Files.readString(direct.resolve(n)).equals(Files.readString(back.resolve(n)))) {
                differing.add(n);
            }
        }
        assertEquals(List.of(), differing, "payloads that differ after the TOML round trip");
        System.out.printf("Sigma -> TOML -> %s: %d payloads identical to Sigma -> %s%n", target, names.size(), target);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
