package dev.rulec.golden;

import dev.rulec.cli.OutputFormat;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.target.kql.KqlFilterMode;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.testsupport.Golden;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The payloads and TOML of the project's own rules/, as golden files; Sigma rules as `rulec compile` writes them. */
class ProjectRulesGoldenTest {

    @Test
    void projectTomlRulesCompileToTheirGoldenPayloads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            LoadedRule r = TomlRuleReader.read(f, d).orElseThrow(() -> new AssertionError(d.all()));
            assertEquals(List.of(), d.all(), f.toString());
            String base = f.getFileName().toString().replace(".toml", "");
            Golden.assertMatches("rules/" + base + ".json", OutputFormat.JSON.one(r.rule()));
            Golden.assertMatches("rules/" + base + ".toml", OutputFormat.TOML.one(r.rule()));
        }
    }

    @Test
    void projectSigmaRulesCompileToTheirGoldenPayloads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            List<LoadedRule> rules = new SigmaFrontEnd(PipelineSet.builtIns())
                    .compile(List.of(f), new KqlRenderer(true, KqlFilterMode.DSL), d);
            assertEquals(List.of(), d.all().stream().filter(x -> x.isError()).toList(), f.toString());
            String base = f.getFileName().toString().replace(".yml", "");
            StringBuilder payloads = new StringBuilder();
            rules.forEach(r -> payloads.append(OutputFormat.JSON.one(r.rule())));
            Golden.assertMatches("rules/" + base + ".json", payloads.toString());
        }
    }
}
