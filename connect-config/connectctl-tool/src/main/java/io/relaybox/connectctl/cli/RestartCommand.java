package io.relaybox.connectctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = "Restarts a connector and its tasks (POST /connectors/{name}/restart?includeTasks=true).")
final class RestartCommand extends WorkerCommand {

    @Parameters(paramLabel = "NAME", description = "The connector.")
    String name;

    @Option(names = "--failed-only", description = "Restart only the connector or tasks that FAILED (onlyFailed=true).")
    boolean failedOnly;

    @Option(names = "--connector-only", description = "Restart the connector instance, not its tasks (includeTasks=false).")
    boolean connectorOnly;

    @Override
    int run() {
        UnknownConnector.requireDeployed(client(), name);
        client().restart(name, !connectorOnly, failedOnly);
        out().println("restarted " + name + (connectorOnly ? " (connector only)" : failedOnly ? " (failed connector and tasks only)"
                : " (connector and tasks)"));
        return ConnectCtl.OK;
    }
}
