package dev.rulec.cli;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.diag.report.Report;
import dev.rulec.diag.report.ReportFormat;
import dev.rulec.lint.Check;
import dev.rulec.lint.Checks;
import dev.rulec.lint.LintConfig;
import dev.rulec.lint.LintConfigReader;
import dev.rulec.lint.Linter;
import dev.rulec.lint.SigmaDocument;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.RuleSet;
import dev.rulec.source.RuleLoader;
import dev.rulec.source.RuleFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rulec lint}: named checks over rule files, reported as text, JSON, SARIF or JUnit XML. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check rule files against the conventions of Elastic's and SigmaHQ's rule sets.",
        footer = {"", "Configuration: " + LintConfig.FILE_NAME + " in the working directory, or --config FILE:",
                "  fail-level: warning", "  checks:", "    tag-prefix: off", "    risk-score-band: {severity: error, "
                + "exclude: [\"rules/_deprecated/**\"]}", "",
                "Exit codes: 0 no finding at or above the failing level, 1 some, 2 wrong command line or config.", "",
                "Examples:", "  rulec lint rules/", "  rulec lint --format sarif --out lint.sarif rules/",
                "  rulec lint --list-checks"})
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Rule files or folders (walked for .toml, .yml, .yaml).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Lint config (default: " + LintConfig.FILE_NAME + " in the working directory, if any).")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, sarif or junit.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--fail-level", paramLabel = "LEVEL",
            description = "Findings at or above LEVEL fail the run: error (default) or warning (also note).")
    String failLevel;

    @Option(names = "--list-checks", description = "List the checks with their id, default severity and rationale.")
    boolean listChecks;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat fmt = ReportFormat.of(format).orElseThrow(() -> new UsageException(
                "unknown --format '" + format + "': use " + ReportFormat.names()));
        Optional<Severity> cliFail = failLevel == null ? Optional.empty() : Optional.of(severity(failLevel));
        if (listChecks) {
            for (Check c : Checks.all()) {
                stdout.printf(Locale.ROOT, "%-26s %-8s %s%n", c.id(), c.defaultSeverity().label(), c.rationale());
            }
            stdout.flush();
            return ExitCode.OK.code();
        }
        if (paths.isEmpty()) {
            throw new UsageException("give at least one rule file or folder to lint");
        }
        Diagnostics configDiags = new Diagnostics();
        Optional<LintConfig> cfg = loadConfig(configDiags);
        if (cfg.isEmpty()) {
            configDiags.all().forEach(d -> err.println(d.format()));
            err.println("rulec: the lint config has errors; nothing was linted");
            return ExitCode.USAGE.code();
        }
        Severity fail = cliFail.or(() -> cfg.get().failLevel()).orElse(Severity.ERROR);

        Diagnostics loadDiags = new Diagnostics();
        // Sigma files are linted as written (their conventions); TOML files as compiled rules.
        RuleLoader loader = new RuleLoader((file, diags) -> List.of());
        RuleSet.Loaded loaded = RuleSet.load(paths, loader, loadDiags);
        List<Path> files = loaded.files();
        List<LoadedRule> rules = loaded.rules();
        List<SigmaDocument> sigma = new ArrayList<>();
        for (Path f : files) {
            if (RuleFiles.kindOf(f) == RuleFiles.Kind.SIGMA) {
                sigma.addAll(SigmaDocument.read(f, loadDiags));
            }
        }
        Linter linter = new Linter(Checks.all(), cfg.get());
        List<Diagnostic> all = new ArrayList<>(loadDiags.all());
        all.addAll(linter.run(rules, sigma));
        all.sort(Linter.ORDER);

        List<Report.CodeInfo> codes = linter.enabled().stream()
                .map(c -> new Report.CodeInfo(c.id(), c.rationale(), "Check [" + c.id() + "]: " + c.rationale()
                        + " Disable or tune it in " + LintConfig.FILE_NAME + ".", linter.severityOf(c)))
                .toList();
        Report report = new Report("rulec", Version.implementation(), all, files.stream().map(Path::toString).toList(), codes, fail,
                Path.of(""));
        String text = fmt.reporter().render(report);
        if (!ReportOutput.write(text, Optional.ofNullable(out), stdout, err)) {
            return ExitCode.ENVIRONMENT.code();
        }
        boolean failed = all.stream().anyMatch(report::fails);
        err.printf(Locale.ROOT, "rulec: linted %d rule%s from %d file%s: %d error%s, %d warning%s, %d note%s%s%n",
                rules.size() + sigma.size(), plural(rules.size() + sigma.size()), files.size(), plural(files.size()),
                report.count(Severity.ERROR), plural(report.count(Severity.ERROR)),
                report.count(Severity.WARNING), plural(report.count(Severity.WARNING)),
                report.count(Severity.NOTE), plural(report.count(Severity.NOTE)),
                failed ? " (failing at " + fail.label() + ")" : "");
        return (failed ? ExitCode.FINDINGS : ExitCode.OK).code();
    }

    private Optional<LintConfig> loadConfig(Diagnostics diags) {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new UsageException("--config " + config + ": no such file");
            }
            return LintConfigReader.read(config, Checks.all(), diags);
        }
        Path local = Path.of(LintConfig.FILE_NAME);
        return Files.isRegularFile(local) ? LintConfigReader.read(local, Checks.all(), diags)
                : Optional.of(LintConfig.defaults());
    }

    private static Severity severity(String s) {
        for (Severity v : Severity.values()) {
            if (v.label().equals(s)) {
                return v;
            }
        }
        throw new UsageException("unknown --fail-level '" + s + "': use error or warning");
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
