package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.target.Renderer;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reports how many SigmaHQ rules compile to each target, through the built-in pipelines and without a pipeline,
 * listing every failure with its reason. A report, not a gate: the renderers have their own thresholds.
 */
class SigmaCorpusTargetsTest {

    private static void run(String label, PipelineSet pipelines, Renderer renderer, List<Path> files) {
        SigmaFrontEnd fe = new SigmaFrontEnd(pipelines);
        int ok = 0;
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byCode = new TreeMap<>();
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            if (fe.compile(List.of(f), renderer, d).size() == 1 && !d.hasErrors()) {
                ok++;
            } else {
                for (Diagnostic x : d.all()) {
                    if (x.isError()) {
                        failures.add(x.format());
                        byCode.merge(x.code(), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("[%s] %d of %d Sigma rules compile (%.2f %%); failures by code %s%n", label, ok,
                files.size(), 100.0 * ok / files.size(), byCode);
        failures.forEach(x -> System.out.println("  " + x));
    }

    @Test
    void reportsCompilationToEachTarget() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Renderer r : List.of(new KqlRenderer(), new EsqlRenderer(), new LuceneRenderer())) {
            run(r.target().cliName() + ", no pipeline", PipelineSet.empty(), r, files);
            run(r.target().cliName() + ", built-in pipelines", PipelineSet.builtIns(), r, files);
        }
    }
}
