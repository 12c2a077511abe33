package io.relaybox.connectctl.cli;

import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = {"Deletes connectors (DELETE /connectors/{name}); their offsets stay in the worker's topics.",
        "A Debezium connector's replication slot stays in its database and pins WAL until it is dropped: the command says which."})
final class DeleteCommand extends WorkerCommand {

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The connectors.")
    List<String> names;

    @Override
    int run() {
        for (String name : names) {
            Map<String, String> config = client().config(name).orElseThrow(() -> UnknownConnector.named(name));
            client().delete(name);
            out().println("deleted " + name);
            String slot = config.get("slot.name");
            if (slot != null && !slot.isBlank()) {
                out().println("    its replication slot " + slot + " stays and pins WAL; when nothing will resume it, drop it: "
                        + "SELECT pg_drop_replication_slot('" + slot + "');");
            }
        }
        return ConnectCtl.OK;
    }
}
