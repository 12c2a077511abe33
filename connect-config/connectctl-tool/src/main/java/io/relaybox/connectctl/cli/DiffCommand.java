package io.relaybox.connectctl.cli;

import java.util.List;

import io.relaybox.connectctl.ApplyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(footer = "%nPlaceholders, secrets, profiles and exit statuses: connectctl --help.", name = "diff", description = {
        "Shows how the deployed connectors differ from the files (after placeholders, profile and --set), secrets masked.",
        "'+ key' only in the file, '- key' only deployed, '~ key: deployed -> desired'."})
final class DiffCommand extends WorkerCommand {

    @Mixin
    ConnectorFileOptions connectorFiles;

    @Option(names = "--exit-code", description = "Exit 1 when anything differs (like git diff --exit-code).")
    boolean exitCode;

    @Override
    int run() {
        List<ApplyResult> results = connectorFiles.applier(client(), environment()).diff(connectorFiles.read(connection.profile(environment())));
        boolean differs = false;
        for (ApplyResult result : results) {
            switch (result.action()) {
                case CREATED -> out().println("+ " + result.name() + " (not deployed)");
                case UPDATED -> out().println("~ " + result.name());
                case UNCHANGED -> out().println("= " + result.name() + " (no difference)");
            }
            result.diff().render(result.secrets()).forEach(line -> out().println("    " + line));
            differs |= result.action() != ApplyResult.Action.UNCHANGED;
        }
        return exitCode && differs ? ConnectCtl.INVALID : ConnectCtl.OK;
    }
}
