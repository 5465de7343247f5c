package dev.rulec.cli;

import dev.rulec.deploy.Exporter;
import dev.rulec.diag.Diagnostics;
import dev.rulec.io.AtomicFiles;
import dev.rulec.kibana.KibanaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code rulec export}: a Kibana space's rules as detection-rules TOML files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the rules of a Kibana space as detection-rules TOML files (deploying them back changes "
                + "nothing).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KibanaOptions kibana;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the TOML files.")
    Path out;

    @Option(names = "--all", description = "Export every rule, not only those rulec manages.")
    boolean all;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diags = new Diagnostics();
        List<Exporter.ExportedRule> rules;
        try {
            rules = Exporter.export(kibana.connect(), !all, diags);
        } catch (KibanaException e) {
            err.println("rulec: " + e.getMessage());
            return KibanaOptions.exitCode(e);
        }
        Set<String> taken = new HashSet<>();
        int changed = 0;
        for (Exporter.ExportedRule r : rules) {
            if (AtomicFiles.write(out.resolve(FileNames.forRule(r.rule(), taken) + ".toml"), r.toml())) {
                changed++;
            }
        }
        DiagnosticPrinter.print(diags.all(), err);
        err.printf("rulec: exported %d rules to %s; %d files changed%n", rules.size(), out, changed);
        return (diags.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK).code();
    }
}
