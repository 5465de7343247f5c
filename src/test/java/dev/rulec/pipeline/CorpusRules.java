package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.testsupport.SharedFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that the SigmaHQ rules of one folder compile through one built-in pipeline, or fail only for its gaps. */
final class CorpusRules {

    private CorpusRules() {
    }

    /**
     * Every rule under {@code folder} (relative to ../shared) compiles with {@code pipeline} onto fields under the
     * given prefixes, or is a {@code pipeline.unmapped-field} error of that pipeline; at least {@code minCompiled}
     * compile. Skips when ../shared is absent.
     */
    static void check(String folder, String pipeline, Set<String> prefixes, int minCompiled) throws IOException {
        Path root = SharedFiles.require(folder);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        List<String> problems = new ArrayList<>();
        int compiled = 0;
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            for (SigmaRuleIr r : fe.parse(List.of(f), d).rules()) {
                compiled++;
                String name = r.pipeline().orElseThrow().name();
                if (!name.equals(pipeline)) {
                    problems.add(f.getFileName() + ": pipeline " + name);
                }
                ExprFields.of(r.detection()).stream().filter(x -> prefixes.stream().noneMatch(x::startsWith))
                        .forEach(x -> problems.add(f.getFileName() + ": field " + x));
            }
            d.all().stream().filter(Diagnostic::isError)
                    .filter(x -> !x.code().equals("pipeline.unmapped-field") || !x.format().contains("[" + pipeline + "]"))
                    .forEach(x -> problems.add(x.format()));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(compiled >= minCompiled, "compiled " + compiled + " of " + files.size());
    }
}
