package dev.rulec.cli;

import picocli.CommandLine.Command;

/** {@code rulec diff}: the deploy plan, never applied. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Print what 'rulec deploy' would change in Kibana, without changing anything.")
final class DiffCommand extends DeployCommand {
    @Override
    boolean planOnly() {
        return true;
    }
}
