package dev.rulec.source;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.model.LoadedRule;

import java.nio.file.Path;
import java.util.List;

/** How Sigma files are turned into rules: the target language and the field-mapping pipelines. */
public interface SigmaOptions {
    List<LoadedRule> compile(Path file, Diagnostics diags);

    static SigmaOptions unsupported() {
        return (file, diags) -> {
            diags.error("sigma.unsupported", SourcePos.startOf(file.toString()), "Sigma rules are not supported yet",
                    "compile detection-rules TOML files");
            return List.of();
        };
    }
}
