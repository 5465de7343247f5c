package dev.rulec.source;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads every rule under the given paths, files in parallel, results and diagnostics in file order. */
public final class RuleSet {

    private RuleSet() {
    }

    public record Loaded(List<Path> files, List<LoadedRule> rules) {
        public Loaded {
            files = List.copyOf(files);
            rules = List.copyOf(rules);
        }
    }

    private record FileResult(List<LoadedRule> rules, Diagnostics diags) {
    }

    public static Loaded load(List<Path> paths, RuleLoader loader, Diagnostics diags) {
        List<Path> files = RuleFiles.expand(paths, diags);
        // Each file is independent: parse on all cores, then merge in order so output stays deterministic.
        List<FileResult> results = files.parallelStream().map(f -> {
            Diagnostics d = new Diagnostics();
            return new FileResult(loader.load(f, d), d);
        }).toList();
        List<LoadedRule> rules = new ArrayList<>();
        for (FileResult r : results) {
            rules.addAll(r.rules());
            diags.addAll(r.diags().all());
        }
        return new Loaded(files, rules);
    }
}
