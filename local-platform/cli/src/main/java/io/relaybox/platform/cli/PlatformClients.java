package io.relaybox.platform.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.MigrationApi;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.platform.PostgresServer;
import io.relaybox.platform.ProcessState;
import io.relaybox.platform.Secrets;
import io.relaybox.platform.ServiceKind;

/** Clients of a running platform's processes, from its state file and secrets. */
final class PlatformClients {

    /** The service that serves the migration API. */
    static final String MONOLITH = "order-monolith";

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

    /**
     * Its order monolith's migration API, at the first instance that runs.
     *
     * @throws PlatformException saying how to start it when the platform or the monolith does not run
     */
    static MigrationApi migration(Path runFolder) {
        PlatformState state = PlatformState.read(runFolder)
                .orElseThrow(() -> new PlatformException("nothing runs from " + runFolder + " (start it with ./platform up)"));
        PlatformState.Entry monolith = runningMonolith(state).orElseThrow(() -> new PlatformException("no " + MONOLITH
                + " instance runs from " + runFolder + " (./platform status shows the processes; ./platform up or ./platform start "
                + MONOLITH + " starts it)"));
        return new MigrationApi(URI.create(monolith.endpoint()));
    }

    /**
     * The first instance of the order monolith (the topology's instance names, in order) that runs: alive and, when a
     * supervisor says so, RUNNING, as one that is (re)starting does not answer yet.
     */
    static Optional<PlatformState.Entry> runningMonolith(PlatformState state) {
        List<String> instances = ServiceKind.named(MONOLITH).descriptor().instanceNames();
        return instances.stream()
                .flatMap(name -> state.processes().stream().filter(p -> p.name().equals(name)))
                .filter(p -> p.state() == null || p.state() == ProcessState.RUNNING)
                .filter(PlatformState.Entry::isAlive)
                .findFirst();
    }

    static String endpoint(PlatformState state, String name) {
        String endpoint = state.endpoints().get(name);
        if (endpoint == null) {
            throw new PlatformException("the platform has no " + name + " endpoint");
        }
        return endpoint;
    }
}
