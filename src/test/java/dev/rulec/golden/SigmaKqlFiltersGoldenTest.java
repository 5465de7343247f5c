package dev.rulec.golden;

import dev.rulec.cli.OutputFormat;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.kibana.Json;
import dev.rulec.kibana.PayloadBuilder;
import dev.rulec.model.LoadedRule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.target.kql.KqlFilterMode;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.testsupport.Golden;
import dev.rulec.testsupport.KibanaApiSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sigma rules KQL cannot fully express, compiled to KQL query rules with Query DSL filters (a pipeline of the test's
 * own, so edits to the built-ins do not move them): the payload, the TOML and the diagnostics as golden files; the
 * payload valid by Kibana's schema; the TOML read back to the same detection and the same payload bytes.
 */
class SigmaKqlFiltersGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/sigma/kql-filters");

    @TestFactory
    List<DynamicTest> sigmaRulesWithDslFiltersCompileToTheirGoldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yml") && !p.getFileName().toString().equals("pipeline.yml"))
                    .sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
        }
        return tests;
    }

    private static void check(Path f) throws IOException {
        Diagnostics d = new Diagnostics();
        PipelineSet pipelines = PipelineSet.load(DIR.resolve("pipeline.yml"), d);
        List<LoadedRule> rules = new SigmaFrontEnd(pipelines).compile(List.of(f),
                new KqlRenderer(true, KqlFilterMode.DSL), d);
        assertEquals(1, rules.size(), d.all()::toString);
        LoadedRule r = rules.get(0);
        String base = "sigma-kql-filters/" + f.getFileName().toString().replace(".yml", "");
        String json = OutputFormat.JSON.one(r.rule());
        String toml = OutputFormat.TOML.one(r.rule());
        Golden.assertMatches(base + ".json", json);
        Golden.assertMatches(base + ".toml", toml);
        Golden.assertMatches(base + ".diagnostics.txt",
                d.all().stream().map(Diagnostic::format).collect(Collectors.joining("\n", "", "\n")));

        assertEquals(List.of(), KibanaApiSchema.createRuleProblems(Json.compact(PayloadBuilder.build(r.rule()))));
        Diagnostics back = new Diagnostics();
        LoadedRule read = TomlRuleReader.parse(toml, base + ".toml", back).orElseThrow(() -> new AssertionError(back.all()));
        assertEquals(r.rule().detection(), read.rule().detection(), "the TOML reads back to the same detection");
        assertEquals(json, OutputFormat.JSON.one(read.rule()), "the TOML gives the same payload");
    }
}
