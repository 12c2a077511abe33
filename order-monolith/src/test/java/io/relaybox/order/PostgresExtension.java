package io.relaybox.order;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.relaybox.platform.FreePort;
import io.relaybox.platform.PostgresServer;

/**
 * One real PostgreSQL for all integration tests of this module: started before the first test class that uses it
 * (declare it before {@code @SpringBootTest}, so that it starts before the application context), stopped and deleted
 * when the test run ends.
 */
public final class PostgresExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static volatile PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningServer.class, key -> RunningServer.start(), RunningServer.class).server;
    }

    /** The running server; only inside a test class extended with this extension. */
    public static PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not running: extend the test class with PostgresExtension");
        }
        return server;
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
