package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.SigmaOptions;
import dev.rulec.target.Renderer;

import java.nio.file.Path;
import java.util.List;

/** The rule loader's Sigma hook: each file through {@link SigmaFrontEnd} with one renderer and pipeline set. */
public record SigmaCompileOptions(SigmaFrontEnd frontEnd, Renderer renderer) implements SigmaOptions {

    public static SigmaCompileOptions of(Renderer renderer, PipelineSet pipelines) {
        return new SigmaCompileOptions(new SigmaFrontEnd(pipelines), renderer);
    }

    @Override
    public List<LoadedRule> compile(Path file, Diagnostics diags) {
        return frontEnd.compile(List.of(file), renderer, diags);
    }
}
