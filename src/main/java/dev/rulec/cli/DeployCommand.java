package dev.rulec.cli;

import dev.rulec.deploy.DeployOptions;
import dev.rulec.deploy.DeployResult;
import dev.rulec.deploy.Deployer;
import dev.rulec.deploy.Payload;
import dev.rulec.deploy.Plan;
import dev.rulec.deploy.PlanReport;
import dev.rulec.deploy.Progress;
import dev.rulec.diag.Diagnostics;
import dev.rulec.kibana.Json;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaException;
import dev.rulec.kibana.PayloadBuilder;
import dev.rulec.kibana.PayloadValidator;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code rulec deploy}: make a Kibana space hold exactly the rules of the given files, idempotently. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy rules to Kibana: plan per rule_id (create, update, unchanged, delete with --prune), "
                + "print the plan, apply it. Only rules carrying rulec's tag are ever changed or deleted.",
        footer = {"", "Credentials come from RULEC_KIBANA_API_KEY[_FILE] or RULEC_KIBANA_USERNAME and "
                + "RULEC_KIBANA_PASSWORD[_FILE], never from arguments.",
                "Exit codes: 0 done (or nothing to do), 1 some rules failed or conflicted, 2 usage or settings, "
                        + "3 Kibana unreachable, refused access or failed.", "",
                "Examples:", "  rulec deploy --kibana https://kibana.example:5601 --dry-run rules/",
                "  rulec deploy --kibana https://kibana.example:5601 --space detections --prune rules/"})
class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SigmaOptionsMixin sigma;

    @Mixin
    KibanaOptions kibana;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files or folders.")
    List<Path> paths;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--prune", description = "Delete rulec-managed rules that are gone from the source.")
    boolean prune;

    @Option(names = "--enable", description = "Deploy the rules enabled.")
    boolean enable;

    @Option(names = "--disable", description = "Deploy the rules disabled.")
    boolean disable;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    boolean planOnly() {
        return dryRun;
    }

    @Override
    public Integer call() {
        if (enable && disable) {
            throw new UsageException("cannot use --enable and --disable at the same time");
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown --format '" + format + "': use text or json");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diags = new Diagnostics();
        List<Payload> payloads = new ArrayList<>();
        Set<String> broken = new HashSet<>();
        for (LoadedRule lr : RuleSet.load(paths, sigma.loader(diags), diags).rules()) {
            List<String> problems = PayloadValidator.problems(PayloadBuilder.build(lr.rule()));
            problems.forEach(p -> diags.error("kibana.invalid-payload", lr.origin(), "Kibana would reject this rule: "
                    + p, "fix the rule"));
            if (problems.isEmpty()) {
                payloads.add(Payload.of(lr));
            } else {
                broken.add(lr.rule().ruleId());
            }
        }
        DiagnosticPrinter.print(diags.all(), err);
        if (diags.hasErrors()) {
            // Rules that failed to compile are kept as they are in Kibana (never pruned for a typo).
            err.println("rulec: " + diags.errorCount() + " rule error(s); those rules are left as they are in Kibana");
        }
        DeployOptions options = DeployOptions.defaults().withPrune(prune).withKeep(broken);
        if (enable || disable) {
            options = options.withEnabled(enable);
        }
        try {
            KibanaClient client = kibana.connect();
            Deployer deployer = new Deployer(client, options);
            Plan plan = deployer.plan(payloads);
            out.print(format.equals("json") ? Json.pretty(PlanReport.json(plan)) : PlanReport.table(plan));
            out.flush();
            if (planOnly() || !plan.hasChanges()) {
                return (diags.hasErrors() || plan.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK).code();
            }
            DeployResult result = deployer.apply(plan, progress(err));
            err.println(PlanReport.summary(result));
            return (result.ok() && !diags.hasErrors() && !plan.hasErrors() ? ExitCode.OK : ExitCode.FINDINGS).code();
        } catch (KibanaException e) {
            err.println("rulec: " + e.getMessage());
            return KibanaOptions.exitCode(e);
        }
    }

    /** A progress line on a terminal; nothing when the output is a file or a pipe. */
    private static Progress progress(PrintWriter err) {
        if (System.console() == null) {
            return Progress.none();
        }
        return (done, total) -> {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
            if (done >= total) {
                err.println();
            }
            err.flush();
        };
    }
}
