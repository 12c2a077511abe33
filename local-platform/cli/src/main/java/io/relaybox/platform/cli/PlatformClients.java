package io.relaybox.platform.cli;

import java.net.URI;
import java.nio.file.Path;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.platform.PostgresServer;
import io.relaybox.platform.Secrets;

/** Clients of a running platform's processes, from its state file and secrets. */
final class PlatformClients {

    private PlatformClients() {
    }

    /** Its Connect worker's REST API, logged in. */
    static ConnectClient connect(String connectUrl, Path runFolder) {
        ConnectWorker.Credentials credentials = LocalPlatform.connectCredentials(Secrets.in(runFolder));
        return ConnectClient.of(URI.create(connectUrl)).withBasicAuth(credentials.user(), credentials.password());
    }

    /** Its PostgreSQL, as superuser. */
    static PostgresEndpoint postgres(PlatformState state, Path runFolder) {
        URI postgres = URI.create(endpoint(state, "postgres").substring("jdbc:".length()));
        return new PostgresEndpoint(postgres.getHost(), postgres.getPort(), Secrets.in(runFolder).password(PostgresServer.SUPERUSER));
    }

    static String endpoint(PlatformState state, String name) {
        String endpoint = state.endpoints().get(name);
        if (endpoint == null) {
            throw new PlatformException("the platform has no " + name + " endpoint");
        }
        return endpoint;
    }
}
