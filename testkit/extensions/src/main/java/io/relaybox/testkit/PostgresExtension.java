package io.relaybox.testkit;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.platform.FreePort;
import io.relaybox.platform.PostgresServer;

/**
 * One real PostgreSQL ({@code wal_level=logical}) for all integration tests of a module: started before the first
 * test class that uses it (declare it before {@code @SpringBootTest}, so that it runs before the application context
 * starts), stopped and deleted when the test run ends. Injects {@link PostgresServer} parameters; {@link #server()}
 * serves code that cannot take parameters.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static volatile PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = start(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    /** The running server; only inside a test class extended with this extension. */
    public static PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not running: extend the test class with PostgresExtension");
        }
        return server;
    }

    private static PostgresServer start(ExtensionContext context) {
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
            PostgresServer server = PostgresServer.create(folder.resolve("pgdata"), FreePort.any(), folder.resolve("postgres.log"),
                    "superpw");
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
