package io.relaybox.connectctl.cli;

import java.util.List;

import io.relaybox.connectctl.ConnectorStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Shows connectors and their tasks: state, worker, and for a failure the first line of its "
        + "trace and its innermost cause. Without names: every deployed connector.")
final class StatusCommand extends WorkerCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Connectors to show (default: all).")
    List<String> names = List.of();

    @Override
    int run() {
        StatusTable table = new StatusTable();
        if (names.isEmpty()) {
            client().statuses().forEach(table::add);
        } else {
            for (String name : names) {
                ConnectorStatus status = client().status(name).orElseThrow(() -> UnknownConnector.named(name));
                table.add(status);
            }
        }
        table.print(out());
        return ConnectCtl.OK;
    }
}
