package io.relaybox.platform.cli;

import picocli.CommandLine.Command;

/** {@code ./platform restart NAME}. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop the process cleanly and start it again; returns once it is ready.",
        footer = {"", "Example: ./platform restart connect"})
final class RestartCommand extends ProcessCommand {

    @Override
    String action() {
        return "restart";
    }
}
