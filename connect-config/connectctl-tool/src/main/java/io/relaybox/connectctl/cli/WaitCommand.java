package io.relaybox.connectctl.cli;

import java.time.Duration;

import io.relaybox.connectctl.ConnectorStateException;
import io.relaybox.connectctl.TargetState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait", description = {"Waits until a connector is in a state, for scripts and CI.",
        "Exits 0 when it is, 1 on timeout or when waiting for RUNNING and the connector or a task FAILED."})
final class WaitCommand extends WorkerCommand {

    @Parameters(paramLabel = "NAME", description = "The connector.")
    String name;

    @Option(names = "--until", paramLabel = "STATE", defaultValue = "RUNNING",
            description = "RUNNING (the connector and all its tasks), PAUSED, STOPPED, FAILED or ABSENT (deleted). Default: ${DEFAULT-VALUE}.")
    TargetState until;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait, e.g. 30s, 2m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    int run() {
        try {
            client().awaitState(name, until, timeout);
        } catch (ConnectorStateException e) {
            err().println("connectctl: " + e.getMessage());
            return ConnectCtl.INVALID;
        }
        out().println(name + " is " + until);
        return ConnectCtl.OK;
    }
}
