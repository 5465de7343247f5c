package dev.rulec.source.toml;

import dev.rulec.diag.SourcePos;
import dev.rulec.source.RuleFiles;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TomlKeyScannerTest {

    @Test
    void findsKeysArrayElementsAndArrayTablesAsTomljDoes() {
        String text = """
                # comment
                [metadata]
                creation_date = "2026/01/01" # trailing

                [rule]
                tags = ["a", 'b',
                  "c\\" ]"]
                note = \"\"\"x
                = not a key
                \"\"\"
                "quoted key" = { x = 1, y = [2] }
                é = "après"

                [[rule.threat]]
                framework = "MITRE ATT&CK"
                [[rule.threat.technique]]
                id = "T1"
                [[rule.threat.technique]]
                id = "T2"
                [rule.threat.tactic]
                id = "TA1"
                [[rule.threat]]
                [rule.threat.tactic]
                id = "TA2"
                """;
        TomlPositions p = new TomlPositions(text, "f.toml");
        for (String path : List.of("metadata.creation_date", "rule.tags", "rule.tags[0]", "rule.tags[1]",
                "rule.tags[2]", "rule.note", "rule.quoted key", "rule.quoted key.x", "rule.quoted key.y[0]",
                "rule.threat[0].framework", "rule.threat[0].technique[0].id", "rule.threat[0].technique[1].id",
                "rule.threat[0].tactic.id", "rule.threat[1].tactic.id")) {
            Optional<SourcePos> fast = TomlKeyScanner.scan(text).map(m -> m.get(path))
                    .map(a -> new SourcePos("f.toml", (int) a[0], (int) a[1]));
            assertTrue(fast.isPresent(), path);
            p.ofTomlj(path).ifPresent(want -> assertEquals(Optional.of(want), fast, path));
        }
        assertEquals(Optional.of(new SourcePos("f.toml", 24, 1)), p.of("rule.threat[1].tactic.id"));
    }

    @Test
    /** Where tomlj finds a key (its path walker cannot follow quoted keys with dots), both agree. */
    void agreesWithTomljOnEveryKeyOfTheDetectionRulesCorpus() throws IOException {
        Path root = SharedFiles.require("corpus/detection-rules/rules");
        List<String> mismatches = new ArrayList<>();
        int files = 0;
        int keys = 0;
        for (Path f : RuleFiles.expand(List.of(root), new dev.rulec.diag.Diagnostics())) {
            String text = Files.readString(f);
            Optional<Map<String, long[]>> scanned = TomlKeyScanner.scan(text);
            assertTrue(scanned.isPresent(), f::toString);
            TomlPositions p = new TomlPositions(text, "f");
            files++;
            for (Map.Entry<String, long[]> e : scanned.get().entrySet()) {
                keys++;
                Optional<SourcePos> want = p.ofTomlj(e.getKey());
                SourcePos got = new SourcePos("f", (int) e.getValue()[0], (int) e.getValue()[1]);
                if (want.isPresent() && !want.equals(Optional.of(got)) && mismatches.size() < 10) {
                    mismatches.add(f + " " + e.getKey() + ": " + got + " vs tomlj " + want);
                }
            }
        }
        System.out.println("TOML key scanner: " + keys + " keys in " + files + " files agree with tomlj");
        assertEquals(List.of(), mismatches);
    }
}
