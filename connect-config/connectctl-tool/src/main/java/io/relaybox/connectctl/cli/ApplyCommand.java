package io.relaybox.connectctl.cli;

import java.time.Duration;
import java.util.List;

import io.relaybox.connectctl.ApplyResult;
import io.relaybox.connectctl.ConnectorApplier;
import io.relaybox.connectctl.ConnectorDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(footer = "%nPlaceholders, secrets, profiles and exit statuses: connectctl --help.", name = "apply", description = {
        "Creates or updates connectors from files, declaratively.",
        "Every connector is checked and validated by the worker first; when any is invalid nothing is applied. Then each is "
                + "created or updated (PUT /connectors/{name}/config) only when its deployed config differs, and reported as "
                + "created, updated or unchanged: applying twice changes nothing the second time."})
final class ApplyCommand extends WorkerCommand {

    @Mixin
    ConnectorFileOptions connectorFiles;

    @Option(names = "--dry-run", description = "Check, validate and print what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--allow-rename", description = "Create a connector even when it looks like a deployed one under a new name "
            + "(which starts without the old one's offsets).")
    boolean allowRename;

    @Option(names = "--wait", paramLabel = "TIMEOUT", arity = "0..1", fallbackValue = "120s", converter = DurationConverter.class,
            description = "Afterwards wait until every connector and its tasks run (default timeout when given alone: 120s).")
    Duration wait;

    @Override
    int run() {
        List<ConnectorDefinition> connectors = connectorFiles.read(connection.profile(environment()));
        ConnectorApplier applier = connectorFiles.applier(client(), environment()).allowingRename(allowRename);
        List<ApplyResult> results = dryRun ? applier.plan(connectors) : applier.apply(connectors);
        for (ApplyResult result : results) {
            boolean changed = result.action() != ApplyResult.Action.UNCHANGED;
            out().println((dryRun && changed ? "would be " : "") + result.action().word() + " " + result.name());
            if (result.action() == ApplyResult.Action.UPDATED || dryRun && changed) {
                result.diff().render(result.secrets()).forEach(line -> out().println("    " + line));
            }
        }
        if (wait != null && !dryRun) {
            for (ApplyResult result : results) {
                if (result.action() == ApplyResult.Action.UPDATED) {
                    // an update may be meant to mend a failed connector: its old failure is not the answer yet
                    client().awaitRunningAfterUpdate(result.name(), wait);
                } else {
                    client().awaitRunning(result.name(), wait);
                }
                out().println("running " + result.name());
            }
        }
        return ConnectCtl.OK;
    }
}
