package dev.rulec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** Entry point: picocli commands only; each command calls the stages and returns an {@link ExitCode}. */
@Command(name = "rulec", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Detection-rule compiler for Elastic Security: Sigma and detection-rules TOML to Kibana rules.",
        subcommands = {CompileCommand.class, LintCommand.class, TestCommand.class, DocsCommand.class,
                PipelinesCommand.class, DeployCommand.class, DiffCommand.class, ExportCommand.class, CheckCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with injected streams; returns the exit code (only {@link #main} exits). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** The same with the environment credentials are read from given (tests pass a map instead of exporting secrets). */
    static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                // The classes that read credentials get the environment handed in.
                if (cls == CheckCommand.class) {
                    return cls.cast(new CheckCommand(env));
                }
                if (cls == TestCommand.class) {
                    return cls.cast(new TestCommand(env));
                }
                return cls == KibanaOptions.class ? cls.cast(new KibanaOptions(env)) : defaults.create(cls);
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("rulec: " + ex.getMessage());
            err.println("Try 'rulec " + (ex.getCommandLine().getCommandName().equals("rulec") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help' for more information.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UsageException) {
                err.println("rulec: " + ex.getMessage());
                return ExitCode.USAGE.code();
            }
            err.println("rulec: internal error: " + ex);
            err.println("This is a bug in rulec; please report it with the command line and the input files.");
            if (System.getenv("RULEC_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ExitCode.INTERNAL.code();
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
