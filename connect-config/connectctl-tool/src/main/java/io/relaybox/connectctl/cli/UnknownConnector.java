package io.relaybox.connectctl.cli;

import java.util.Optional;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectRestException;

/** What commands say about a connector the worker does not have. */
final class UnknownConnector {

    private UnknownConnector() {
    }

    static ConnectRestException named(String name) {
        return new ConnectRestException(404, "no connector named " + name + " on the worker (connectctl status lists them)");
    }

    /** Fails with {@link #named} unless the worker has the connector. */
    static void requireDeployed(ConnectClient client, String name) {
        Optional<?> config = client.config(name);
        if (config.isEmpty()) {
            throw named(name);
        }
    }
}
