package dev.rulec.cli;

import dev.rulec.check.CheckException;
import dev.rulec.check.ClusterConfig;
import dev.rulec.check.RuleChecker;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.diag.report.Report;
import dev.rulec.diag.report.ReportFormat;
import dev.rulec.lint.Linter;
import dev.rulec.source.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rulec check}: rules against a live Elasticsearch cluster's mappings and ES|QL engine. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check rules against a live Elasticsearch cluster: every field a query names against the "
                + "mappings of the rule's indices, every ES|QL query run with LIMIT 0, and rules that can match no data.",
        footer = {"", "Credentials come from RULEC_ES_API_KEY[_FILE] or RULEC_ES_PASSWORD[_FILE] (with "
                + "RULEC_ES_USERNAME, default elastic), never from arguments.",
                "Exit codes: 0 no error (warnings allowed), 1 some, 2 usage or settings, "
                        + "3 Elasticsearch unreachable, refused the credentials or access to the indices.", "",
                "Examples:", "  rulec check --es https://es.example:9200 rules/",
                "  rulec check --es https://es.example:9200 --ca-cert ca.pem --format sarif --out check.sarif rules/"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SigmaOptionsMixin sigma;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files or folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--es", paramLabel = "URL", required = true,
            description = "The cluster's URL, e.g. https://es.example:9200.")
    String es;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "Trust this CA certificate (private CAs).")
    Optional<Path> caCert = Optional.empty();

    @Option(names = "--insecure", description = "Allow plain HTTP to a host that is not on this machine.")
    boolean insecure;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, sarif or junit.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    private final Map<String, String> env;

    CheckCommand() {
        this(System.getenv());
    }

    /** @param env where credentials are read from (the process environment; a map in tests) */
    CheckCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat fmt = ReportFormat.of(format).orElseThrow(() -> new UsageException(
                "unknown --format '" + format + "': use " + ReportFormat.names()));
        ClusterConfig config;
        try {
            config = ClusterConfig.of(es, env, caCert, insecure);
        } catch (CheckException e) {
            err.println("rulec: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        Diagnostics diags = new Diagnostics();
        RuleSet.Loaded loaded = RuleSet.load(paths, sigma.loader(diags), diags);
        try (RuleChecker checker = RuleChecker.connect(config)) {
            checker.check(loaded.rules(), diags);
        } catch (CheckException e) {
            DiagnosticPrinter.print(diags.all(), err);
            err.println("rulec: " + e.getMessage());
            return (e.kind() == CheckException.Kind.CONFIG ? ExitCode.USAGE : ExitCode.ENVIRONMENT).code();
        }
        List<Diagnostic> all = new ArrayList<>(diags.all());
        all.sort(Linter.ORDER);
        Report report = new Report("rulec", Version.implementation(), all,
                loaded.files().stream().map(Path::toString).toList(), List.of(), Severity.ERROR, Path.of(""));
        String text = fmt.reporter().render(report);
        if (!ReportOutput.write(text, Optional.ofNullable(out), stdout, err)) {
            return ExitCode.ENVIRONMENT.code();
        }
        boolean failed = all.stream().anyMatch(report::fails);
        int rules = loaded.rules().size();
        err.printf(Locale.ROOT, "rulec: checked %d rule%s against %s: %d error%s, %d warning%s, %d note%s%n",
                rules, rules == 1 ? "" : "s", config.redactedUrl(),
                report.count(Severity.ERROR), report.count(Severity.ERROR) == 1 ? "" : "s",
                report.count(Severity.WARNING), report.count(Severity.WARNING) == 1 ? "" : "s",
                report.count(Severity.NOTE), report.count(Severity.NOTE) == 1 ? "" : "s");
        return (failed ? ExitCode.FINDINGS : ExitCode.OK).code();
    }
}
