package io.relaybox.outbox.spring;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.platform.FreePort;
import io.relaybox.platform.PostgresServer;

/**
 * One real PostgreSQL for all integration tests of this module: started on first use, stopped and deleted when the
 * test run ends (the root store closes it). Injects {@link PostgresServer} parameters.
 */
final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningServer.class, key -> RunningServer.start(), RunningServer.class).server;
    }

    /** The server, closed by JUnit at the end of the run. */
    static final class RunningServer implements AutoCloseable {

        private final PostgresServer server;

        private RunningServer(PostgresServer server) {
            this.server = server;
        }

        static RunningServer start() {
            Path folder = Path.of("target", "it-pg").toAbsolutePath();
            PostgresServer server = PostgresServer.create(folder.resolve("pgdata"), FreePort.any(),
                    folder.resolve("postgres.log"), "superpw");
            // a run that was killed leaves its cluster behind: start from scratch
            server.deleteData();
            server.start(Duration.ofSeconds(60));
            return new RunningServer(server);
        }

        @Override
        public void close() {
            server.stop();
            server.deleteData();
        }
    }
}
