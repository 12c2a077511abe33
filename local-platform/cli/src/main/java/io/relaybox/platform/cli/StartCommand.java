package io.relaybox.platform.cli;

import picocli.CommandLine.Command;

/** {@code ./platform start NAME}. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start a stopped process; returns once it is ready.",
        footer = {"", "Example: ./platform start inventory-service-1"})
final class StartCommand extends ProcessCommand {

    @Override
    String action() {
        return "start";
    }
}
