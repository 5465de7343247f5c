package dev.rulec.cli;

import dev.rulec.pipeline.Pipeline;
import dev.rulec.pipeline.PipelineSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
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
        List<Pipeline> all = PipelineSet.builtIns().all();
        // Columns as wide as their longest entry, so names and logsources never run into the next column.
        int nameWidth = all.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        int logsourceWidth = all.stream().mapToInt(p -> logsource(p).length()).max().orElse(0);
        String row = "%-" + nameWidth + "s %-" + logsourceWidth + "s %s%n";
        String note = "%-" + nameWidth + "s %s%n";
        for (Pipeline p : all) {
            out.printf(row, p.name(), logsource(p), String.join(",", p.indices()));
            if (!p.description().isEmpty()) {
                out.printf(note, "", p.description().lines().findFirst().orElse(""));
            }
            p.alternativeTo().ifPresent(a -> out.printf(note, "", "alternative to " + a
                    + ": compiles the rules that use a field " + a + " cannot map"));
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static String logsource(Pipeline p) {
        String s = p.logsource().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return s.isEmpty() ? "(any)" : s;
    }
}
