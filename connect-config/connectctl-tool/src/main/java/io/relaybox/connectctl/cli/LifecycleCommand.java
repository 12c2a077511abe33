package io.relaybox.connectctl.cli;

import java.util.List;

import io.relaybox.connectctl.ConnectClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** pause, resume and stop: one request per named connector. */
abstract class LifecycleCommand extends WorkerCommand {

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The connectors.")
    List<String> names;

    @Override
    final int run() {
        for (String name : names) {
            UnknownConnector.requireDeployed(client(), name);
            act(client(), name);
            out().println(done() + " " + name);
        }
        return ConnectCtl.OK;
    }

    abstract void act(ConnectClient client, String name);

    abstract String done();

    @Command(name = "pause", description = "Pauses connectors: their tasks stay assigned but idle (PUT /connectors/{name}/pause).")
    static final class Pause extends LifecycleCommand {

        @Override
        void act(ConnectClient client, String name) {
            client.pause(name);
        }

        @Override
        String done() {
            return "paused";
        }
    }

    @Command(name = "resume", description = "Resumes paused or stopped connectors (PUT /connectors/{name}/resume).")
    static final class Resume extends LifecycleCommand {

        @Override
        void act(ConnectClient client, String name) {
            client.resume(name);
        }

        @Override
        String done() {
            return "resumed";
        }
    }

    @Command(name = "stop", description = "Stops connectors: their tasks shut down, their offsets may be changed "
            + "(PUT /connectors/{name}/stop).")
    static final class Stop extends LifecycleCommand {

        @Override
        void act(ConnectClient client, String name) {
            client.stop(name);
        }

        @Override
        String done() {
            return "stopped";
        }
    }
}
