package io.relaybox.platform.cli;

import io.relaybox.platform.PlatformSupervisor.DrillSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platform kill NAME}: a fault drill. */
@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "A fault drill: send the process a signal, as a crash would; the supervisor restarts it and counts the restart.",
        footer = {"", "Example: ./platform kill connect --signal KILL"})
final class KillCommand extends ProcessCommand {

    @Option(names = "--signal", defaultValue = "KILL", description = "KILL (a crash; the default) or TERM (a clean shutdown nobody asked for).")
    DrillSignal signal;

    @Override
    String action() {
        return "kill?signal=" + signal;
    }
}
