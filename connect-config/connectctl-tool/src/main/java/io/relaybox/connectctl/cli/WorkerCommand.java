package io.relaybox.connectctl.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import io.relaybox.connectctl.ConnectClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A connectctl command that talks to a worker: the connection options, the client, and where to print. */
abstract class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    private ConnectClient client;

    @Override
    public final Integer call() {
        return run();
    }

    /** Does the command's work; returns its exit status. */
    abstract int run();

    final ConnectClient client() {
        if (client == null) {
            client = connection.client(environment());
        }
        return client;
    }

    final Map<String, String> environment() {
        return ((ConnectCtl) spec.root().userObject()).environment();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Where the credentials came from, for the message of a 401. */
    final String credentialsOrigin() {
        return connection.credentialsOrigin();
    }
}
