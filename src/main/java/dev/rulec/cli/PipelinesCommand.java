package dev.rulec.cli;

import dev.rulec.pipeline.Pipeline;
import dev.rulec.pipeline.PipelineSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code rulec pipelines}: the built-in field-mapping pipelines, with the logsource each applies to. */
@Command(name = "pipelines", mixinStandardHelpOptions = true,
        description = "List the built-in Sigma field-mapping pipelines.")
final class PipelinesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Pipeline p : PipelineSet.builtIns().all()) {
            String logsource = p.logsource().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            out.printf("%-32s %-44s %s%n", p.name(), logsource.isEmpty() ? "(any)" : logsource,
                    String.join(",", p.indices()));
            if (!p.description().isEmpty()) {
                out.printf("%-32s %s%n", "", p.description().lines().findFirst().orElse(""));
            }
            p.alternativeTo().ifPresent(a -> out.printf("%-32s %s%n", "", "alternative to " + a
                    + ": compiles the rules that use a field " + a + " cannot map"));
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
