package io.relaybox.connectctl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorFileException;
import io.relaybox.connectctl.ConnectorOffsets;
import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.connectctl.TargetState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "offsets", description = {"Reads or changes a connector's offsets (the offsets API of Kafka 3.6+).",
        "Changing them needs a STOPPED connector: reset and set stop it first, say so, and afterwards bring it back to the state "
                + "it had (RUNNING or PAUSED) unless --keep-stopped."},
        subcommands = {OffsetsCommand.Get.class, OffsetsCommand.Reset.class, OffsetsCommand.Set.class})
final class OffsetsCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

    @Command(name = "get", description = "Prints the connector's offsets as JSON ({\"offsets\": [{\"partition\": ..., \"offset\": ...}]}).")
    static final class Get extends WorkerCommand {

        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        int run() {
            UnknownConnector.requireDeployed(client(), name);
            out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(client().offsets(name)));
            return ConnectCtl.OK;
        }
    }

    @Command(name = "reset", description = "Deletes the connector's offsets: a sink consumes its topics again from the start, "
            + "a source starts afresh (DELETE /connectors/{name}/offsets).")
    static final class Reset extends ChangeCommand {

        @Override
        String change(ConnectClient client) {
            return "reset the offsets of " + name + ": " + client.resetOffsets(name);
        }
    }

    @Command(name = "set", description = "Sets some of the connector's offsets from a file in the format 'offsets get' prints "
            + "(PATCH /connectors/{name}/offsets); an offset of null resets that partition.")
    static final class Set extends ChangeCommand {

        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The offsets, as JSON.")
        Path file;

        @Override
        String change(ConnectClient client) {
            ConnectorOffsets offsets = read(file);
            return "set " + offsets.offsets().size() + " offset(s) of " + name + ": " + client.alterOffsets(name, offsets);
        }

        private static ConnectorOffsets read(Path file) {
            try {
                return JSON.readValue(Files.readString(file), ConnectorOffsets.class);
            } catch (JacksonException e) {
                String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
                throw new ConnectorFileException(file + ": malformed offsets JSON" + at + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops the connector when it is not, makes the change, and brings it back to its former state. */
    abstract static class ChangeCommand extends WorkerCommand {

        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Option(names = "--keep-stopped", description = "Leave the connector STOPPED afterwards.")
        boolean keepStopped;

        @Override
        final int run() {
            ConnectClient client = client();
            ConnectorStatus before = client.status(name).orElseThrow(() -> UnknownConnector.named(name));
            if (!TargetState.STOPPED.isReachedBy(java.util.Optional.of(before))) {
                out().println("stopping " + name + " (it was " + before.state() + "): its offsets can only be changed while it is STOPPED");
                client.stop(name);
                client.awaitState(name, TargetState.STOPPED, STATE_TIMEOUT);
            }
            out().println(change(client));
            restore(client, before.state());
            return ConnectCtl.OK;
        }

        abstract String change(ConnectClient client);

        private void restore(ConnectClient client, String formerState) {
            if (keepStopped || "STOPPED".equals(formerState)) {
                out().println(name + " stays STOPPED" + (keepStopped ? "" : ", as it was") + "; connectctl resume " + name + " starts it");
                return;
            }
            if ("PAUSED".equals(formerState)) {
                client.pause(name);
                out().println("paused " + name + " again, as it was");
            } else {
                client.resume(name);
                out().println("resumed " + name);
            }
        }
    }
}
