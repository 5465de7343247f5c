package dev.rulec.source;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlRuleReader;

import java.nio.file.Path;
import java.util.List;

/** Reads one rule file of either format into rules of the model; a Sigma file may hold several. */
public final class RuleLoader {

    private final SigmaOptions sigma;

    public RuleLoader(SigmaOptions sigma) {
        this.sigma = sigma;
    }

    public List<LoadedRule> load(Path file, Diagnostics diags) {
        if (RuleFiles.kindOf(file) == RuleFiles.Kind.TOML) {
            return TomlRuleReader.read(file, diags).map(List::of).orElse(List.of());
        }
        return sigma.compile(file, diags);
    }
}
