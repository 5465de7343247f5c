package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.pipeline.PipelineSet;
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

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every SigmaHQ rule of the shared corpus loads and compiles to the IR; failures are listed with their reason. */
class SigmaCorpusTest {

    private static List<Path> corpus() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static double run(SigmaFrontEnd fe, List<Path> files, String label) {
        int ok = 0;
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byCode = new TreeMap<>();
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            SigmaFrontEnd.Parsed p = fe.parse(List.of(f), d);
            if (!d.hasErrors() && p.rules().size() == 1) {
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
        double pct = 100.0 * ok / files.size();
        System.out.printf("[%s] %d of %d Sigma rules compile to the IR (%.2f %%); failures by code %s%n", label, ok,
                files.size(), pct, byCode);
        failures.forEach(f -> System.out.println("  " + f));
        return pct;
    }

    @Test
    void compilesAtLeast99point5PercentOfSigmaHqToIr() throws IOException {
        List<Path> files = corpus();
        double pct = run(new SigmaFrontEnd(PipelineSet.empty()), files, "no pipeline");
        assertTrue(pct >= 99.5, "below 99.5 %: " + pct);
    }

    @Test
    void reportsCompilationThroughBuiltInPipelines() throws IOException {
        run(new SigmaFrontEnd(PipelineSet.builtIns()), corpus(), "built-in pipelines");
    }
}
