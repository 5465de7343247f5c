package dev.rulec.cli;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.report.Report;
import dev.rulec.diag.report.ReportFormat;
import dev.rulec.diag.Severity;
import dev.rulec.io.AtomicFiles;
import dev.rulec.kibana.PayloadBuilder;
import dev.rulec.kibana.PayloadValidator;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;
import dev.rulec.source.RuleLoader;
import dev.rulec.source.RuleSet;
import dev.rulec.validate.QueryValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code rulec compile}: rule files in, Kibana payloads (or TOML) out. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile Sigma and detection-rules TOML files into Kibana detection-rule payloads.",
        footer = {"", "Exit codes: 0 all rules compiled, 1 some rules had errors (the others are still written),",
                "2 wrong command line, 3 output could not be written.", "",
                "Examples:", "  rulec compile rules/", "  rulec compile --target esql --pipeline my-fields.yml sigma/", "  rulec compile --format toml --out build/toml/ rules/",
                "  rulec compile --out rules.ndjson rules/   (then import the file in Kibana)"})
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SigmaOptionsMixin sigma;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files or folders (walked for .toml, .yml, .yaml).")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ndjson",
            description = "ndjson (default, ready for Kibana's _import), json, or toml (detection-rules layout).")
    String format;

    @Option(names = "--out", paramLabel = "FILE|DIR/",
            description = "Write to FILE, or one file per rule into DIR/ (a trailing slash or an existing folder). "
                    + "Default: standard output.")
    String out;

    @Option(names = "--diagnostics", paramLabel = "FORMAT", defaultValue = "text",
            description = "How problems are reported: text (default, on standard error), json, sarif (code scanning) "
                    + "or junit.")
    String diagnosticsFormat;

    @Option(names = "--diagnostics-out", paramLabel = "FILE",
            description = "Write the problems report to FILE instead of standard error.")
    Path diagnosticsOut;

    @Override
    public Integer call() throws IOException {
        OutputFormat fmt = parseFormat(format);
        ReportFormat reportFormat = ReportFormat.of(diagnosticsFormat).orElseThrow(() -> new UsageException(
                "unknown --diagnostics '" + diagnosticsFormat + "': use " + ReportFormat.names()));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diags = new Diagnostics();
        RuleLoader loader = sigma.loader(diags);
        List<Rule> rules = new ArrayList<>();
        RuleSet.Loaded loaded = RuleSet.load(paths, loader, diags);
        List<Path> files = loaded.files();
        // Rules are independent: check them on all cores, each into its own sink, merged in file order.
        List<Checked> checked = loaded.rules().parallelStream().map(CompileCommand::checked).toList();
        for (Checked c : checked) {
            diags.addAll(c.diagnostics());
            c.rule().ifPresent(rules::add);
        }
        int written = write(rules, fmt, stdout);
        report(reportFormat, diags.all(), files, err);
        long warnings = diags.all().stream().filter(d -> d.severity() == Severity.WARNING).count();
        err.printf(Locale.ROOT, "rulec: compiled %d rule%s from %d file%s; %d error%s, %d warning%s%s%n",
                rules.size(), plural(rules.size()), files.size(), plural(files.size()), diags.errorCount(),
                plural(diags.errorCount()), warnings, plural(warnings),
                out == null || written < 0 ? "" : "; " + written + " file" + plural(written) + " changed");
        // A query rulec wrote that its own grammar refuses is a bug in rulec, not in the rule.
        boolean bug = diags.all().stream().anyMatch(d -> d.code().endsWith(".internal-error"));
        return (bug ? ExitCode.INTERNAL : diags.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK).code();
    }

    /** One rule after its queries and payload were checked: the rule when it may be written, and what was found. */
    private record Checked(Optional<Rule> rule, List<Diagnostic> diagnostics) {
    }

    private static Checked checked(LoadedRule lr) {
        Diagnostics found = new Diagnostics();
        QueryValidator.check(lr, found);
        if (found.hasErrors()) {
            return new Checked(Optional.empty(), found.all());
        }
        List<String> problems = PayloadValidator.problems(PayloadBuilder.build(lr.rule()));
        for (String p : problems) {
            found.error("kibana.invalid-payload", lr.origin(), "Kibana would reject this rule: " + p,
                    "fix the rule so that its payload meets the Detection Engine API");
        }
        return new Checked(problems.isEmpty() ? Optional.of(lr.rule()) : Optional.empty(), found.all());
    }

    /** Problems as text on standard error, or as a JSON, SARIF or JUnit report (to a file or standard error). */
    private void report(ReportFormat reportFormat, List<Diagnostic> all, List<Path> files, PrintWriter err)
            throws IOException {
        if (reportFormat == ReportFormat.TEXT && diagnosticsOut == null) {
            DiagnosticPrinter.print(all, err);
            return;
        }
        List<Report.CodeInfo> codes = all.stream().map(Diagnostic::code).distinct().sorted()
                .map(c -> new Report.CodeInfo(c, "rulec compile: " + c, "See the message for how to fix it.",
                        Severity.ERROR))
                .toList();
        String text = reportFormat.reporter().render(new Report("rulec", "compile", all,
                files.stream().map(Path::toString).toList(), codes, Severity.ERROR, Path.of("")));
        if (diagnosticsOut == null) {
            err.print(text);
        } else {
            AtomicFiles.write(diagnosticsOut, text);
        }
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static OutputFormat parseFormat(String s) {
        for (OutputFormat f : OutputFormat.values()) {
            if (f.extension().equals(s)) {
                return f;
            }
        }
        throw new UsageException("unknown --format '" + s + "': use ndjson, json or toml");
    }

    /** Writes the output; returns how many files changed (-1 for standard output). */
    private int write(List<Rule> rules, OutputFormat fmt, PrintWriter stdout) throws IOException {
        if (out == null) {
            stdout.print(fmt.all(rules));
            stdout.flush();
            return -1;
        }
        Path target = Path.of(out);
        if (out.endsWith("/") || out.endsWith(java.io.File.separator) || Files.isDirectory(target)) {
            int changed = 0;
            Set<String> taken = new HashSet<>();
            for (Rule r : rules) {
                String name = FileNames.forRule(r, taken) + "." + fmt.extension();
                if (AtomicFiles.write(target.resolve(name), fmt.one(r))) {
                    changed++;
                }
            }
            return changed;
        }
        return AtomicFiles.write(target, fmt.all(rules)) ? 1 : 0;
    }
}
