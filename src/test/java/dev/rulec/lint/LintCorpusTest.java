package dev.rulec.lint;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.RuleFiles;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every check over Elastic's whole detection-rules corpus: nothing crashes; the counts per check are printed. */
class LintCorpusTest {

    @Test
    void lintsTheWholeDetectionRulesCorpusWithoutInternalErrors() {
        Path root = SharedFiles.require("corpus/detection-rules/rules");
        Diagnostics load = new Diagnostics();
        List<LoadedRule> rules = new ArrayList<>();
        for (Path f : RuleFiles.expand(List.of(root), load)) {
            TomlRuleReader.read(f, load).ifPresent(rules::add);
        }
        assertTrue(rules.size() > 2000, "rules read: " + rules.size());
        List<Diagnostic> found = new Linter(Checks.all(), LintConfig.defaults()).run(rules);
        Map<String, Integer> perCheck = new TreeMap<>();
        Checks.all().forEach(c -> perCheck.put(c.id(), 0));
        found.forEach(d -> perCheck.merge(d.code(), 1, Integer::sum));
        System.out.println("lint over " + rules.size() + " corpus rules: " + perCheck);
        assertEquals(List.of(), found.stream().filter(d -> d.code().equals("lint.internal-error"))
                .map(Diagnostic::format).toList());
        assertTrue(perCheck.keySet().containsAll(Checks.all().stream().map(Check::id).toList()));
    }

    @Test
    void lintsTheWholeSigmaCorpusWithoutInternalErrors() {
        Path root = SharedFiles.require("corpus/sigma/rules");
        Diagnostics load = new Diagnostics();
        List<SigmaDocument> docs = new ArrayList<>();
        for (Path f : RuleFiles.expand(List.of(root), load)) {
            docs.addAll(SigmaDocument.read(f, load));
        }
        assertTrue(docs.size() > 3000, "documents read: " + docs.size());
        List<Diagnostic> found = new Linter(Checks.all(), LintConfig.defaults()).run(List.of(), docs);
        Map<String, Integer> perCheck = new TreeMap<>();
        found.forEach(d -> perCheck.merge(d.code(), 1, Integer::sum));
        System.out.println("lint over " + docs.size() + " Sigma documents: " + perCheck + "; unreadable: "
                + load.errorCount());
        assertEquals(List.of(), found.stream().filter(d -> d.code().equals("lint.internal-error"))
                .map(Diagnostic::format).toList());
    }
}
