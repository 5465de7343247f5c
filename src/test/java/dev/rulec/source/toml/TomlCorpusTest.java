package dev.rulec.source.toml;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole detection-rules corpus reads without errors and survives TOML → model → TOML → model. */
public class TomlCorpusTest {

    public static List<Path> corpus() throws IOException {
        Path root = SharedFiles.require("corpus/detection-rules/rules");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
    }

    @Test
    void everyCorpusRuleReadsWithoutErrors() throws IOException {
        List<Path> files = corpus();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            Optional<LoadedRule> r = TomlRuleReader.read(f, d);
            d.all().stream().filter(Diagnostic::isError).map(Diagnostic::format).forEach(problems::add);
            if (r.isEmpty() && d.isEmpty()) {
                problems.add(f + ": no rule and no diagnostic");
            }
        }
        assertTrue(files.size() > 2000, "corpus has " + files.size() + " files");
        assertEquals(List.of(), problems.subList(0, Math.min(30, problems.size())), problems.size() + " problems");
    }

    @Test
    void everyCorpusRuleRoundTripsThroughTheWriter() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Path f : corpus()) {
            LoadedRule first = TomlRuleReader.read(f, new Diagnostics()).orElseThrow();
            String written = TomlRuleWriter.write(first.rule());
            Diagnostics d = new Diagnostics();
            Optional<LoadedRule> again = TomlRuleReader.parse(written, f + " (rewritten)", d);
            if (again.isEmpty() || !again.get().rule().equals(first.rule()) || d.hasErrors()) {
                mismatches.add(f + " " + d.all().stream().map(Diagnostic::format).toList());
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())),
                mismatches.size() + " rules differ after a round trip");
    }
}
