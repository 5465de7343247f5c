package dev.rulec.cli;

import dev.rulec.check.CheckException;
import dev.rulec.check.ClusterConfig;
import dev.rulec.diag.Diagnostics;
import dev.rulec.kibana.KibanaException;
import dev.rulec.ruletest.Engine;
import dev.rulec.ruletest.InProcessEngine;
import dev.rulec.ruletest.RuleResult;
import dev.rulec.ruletest.RuleTestRunner;
import dev.rulec.ruletest.es.EsClient;
import dev.rulec.ruletest.es.EsEngine;
import dev.rulec.ruletest.es.EsRefusedException;
import dev.rulec.ruletest.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rulec test}: runs every rule's fixture events, in process or on a real Elasticsearch node. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the rules' fixture events and check the expected alerts (in process, or on --es).",
        footer = {"", "Exit codes: 0 every rule passed or was skipped, 1 a rule failed or could not run,",
                "2 wrong command line or credentials settings, 3 the report could not be written, or Elasticsearch",
                "refused the credentials (401) or a privilege (403).", "",
                "Examples:", "  rulec test", "  rulec test --format junit --out build/rule-tests.xml rules/ fixtures/",
                "  rulec test --es http://127.0.0.1:9200"})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Rule files, fixture files or folders (default: rules/ and fixtures/).")
    List<Path> paths;

    @Option(names = "--es", paramLabel = "URL",
            description = "Run on this Elasticsearch node instead of in process (credentials: RULEC_ES_API_KEY, or "
                    + "RULEC_ES_USERNAME, default elastic, and RULEC_ES_PASSWORD).")
    String es;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "With --es: trust this CA certificate (private CAs).")
    Optional<Path> caCert = Optional.empty();

    @Option(names = "--insecure", description = "With --es: allow plain HTTP to a host that is not on this machine.")
    boolean insecure;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json or junit.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (default: standard output).")
    Path out;

    private final Map<String, String> env;

    TestCommand() {
        this(System.getenv());
    }

    /** @param env where credentials are read from (the process environment; a map in tests) */
    TestCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        if (!List.of("text", "json", "junit").contains(format)) {
            throw new UsageException("unknown --format '" + format + "': use text, json or junit");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Path.of("rules"), Path.of("fixtures")) : paths;
        Diagnostics diags = new Diagnostics();
        RuleTestRunner.Inputs in = RuleTestRunner.read(inputs, diags);
        Engine engine;
        try {
            ClusterConfig c = es == null ? null : ClusterConfig.of(es, env, caCert, insecure);
            engine = c == null ? new InProcessEngine()
                    : new EsEngine(new EsClient(c.url().toString(), c.auth(), c.caCert()));
        } catch (CheckException | KibanaException e) { // a bad URL, half-set credentials, an unreadable --ca-cert
            throw new UsageException(e.getMessage());
        }
        List<RuleResult> results;
        try {
            results = new RuleTestRunner(engine, Instant.now()).run(in);
        } catch (EsRefusedException e) {
            DiagnosticPrinter.print(diags.all(), err);
            err.println("rulec: " + e.getMessage());
            return ExitCode.ENVIRONMENT.code();
        }
        String report = format.equals("json") ? Reports.json(results)
                : format.equals("junit") ? Reports.junit(results) : Reports.text(results);
        DiagnosticPrinter.print(diags.all(), err);
        if (!ReportOutput.write(report, Optional.ofNullable(out), stdout, err)) {
            return ExitCode.ENVIRONMENT.code();
        }
        if (out != null || !format.equals("text")) {
            err.println(Reports.summary(results));
        }
        boolean failed = diags.hasErrors() || results.stream().anyMatch(r -> r.status() == RuleResult.Status.FAIL
                || r.status() == RuleResult.Status.ERROR);
        return (failed ? ExitCode.FINDINGS : ExitCode.OK).code();
    }
}
