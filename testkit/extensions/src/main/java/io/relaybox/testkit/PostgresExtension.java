package io.relaybox.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import io.relaybox.platform.FreePort;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.platform.PostgresServer;
import io.relaybox.testkit.containers.ContainerStack;
import io.relaybox.testkit.containers.TestkitBackend;
import io.relaybox.testkit.containers.TestkitBackend.Choice;

/**
 * One real PostgreSQL ({@code wal_level=logical}) for all integration tests of a module, on the backend
 * {@link TestkitBackend} chose ({@code RELAYBOX_TESTKIT}): a local process (data under {@code target/it-pg}, deleted
 * when the run ends) or a container. Started when a test first asks for it (declare the extension before
 * {@code @SpringBootTest}, so that the application context can ask), stopped when the test run ends.
 * <p>
 * Injects {@link PostgresEndpoint} parameters (either backend) and {@link PostgresServer} parameters (a local process
 * only: see {@link BackendService}); {@link #endpoint()} and {@link #server()} serve code that cannot take parameters.
 * When {@code RELAYBOX_TESTKIT=containers} and no Docker engine answers, the test class is skipped.
 */
public final class PostgresExtension extends BackendExtension<PostgresServer, PostgresEndpoint> {

    private static final BackendService<PostgresServer, PostgresEndpoint> SERVICE = new BackendService<>("PostgreSQL",
            PostgresServer.class, PostgresEndpoint.class, RunningServer::start, PostgresServer::endpoint,
            ContainerStack.Service.POSTGRES, ContainerStack::postgres);

    public PostgresExtension() {
        this(TestkitBackend::current);
    }

    /** An extension on the backend this supplies (visible for testing). */
    PostgresExtension(Supplier<Choice> choice) {
        super(SERVICE, choice);
    }

    /** The running PostgreSQL on the chosen backend; only inside a test class extended with this extension. */
    public static PostgresEndpoint endpoint() {
        return SERVICE.endpoint();
    }

    /** The running local PostgreSQL process; only inside a test class extended with this extension. */
    public static PostgresServer server() {
        return SERVICE.process();
    }

    /** The server, closed by JUnit at the end of the run. */
    static final class RunningServer implements BackendService.Local<PostgresServer> {

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
        public PostgresServer process() {
            return server;
        }

        @Override
        public void close() {
            server.stop();
            server.deleteData();
        }
    }
}
