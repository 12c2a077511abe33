package io.relaybox.platform.cli;

import picocli.CommandLine.Command;

/** {@code ./platform stop NAME}. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the process; the supervisor leaves it stopped until ./platform start NAME.",
        footer = {"", "Example: ./platform stop inventory-service-1"})
final class StopCommand extends ProcessCommand {

    @Override
    String action() {
        return "stop";
    }
}
