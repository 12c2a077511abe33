package io.relaybox.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.platform.BrokerTimePolicy;
import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.FreePort;
import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.PostgresServer;
import io.relaybox.platform.RunFolder;
import io.relaybox.platform.ServiceDatabase;

/**
 * PostgreSQL, Kafka and a Kafka Connect worker (basic authentication, Debezium, the FileStream connectors) on free
 * loopback ports, with data under {@code target/}, plus the {@code orders} database prepared for CDC: the roles, the
 * outbox table and its publication. {@link #close()} stops everything and deletes the PostgreSQL data. Tests get one
 * shared by the whole run from {@link SharedInfrastructure}.
 */
public final class TestStack implements AutoCloseable {

    public static final String CONNECT_USER = "tester";
    public static final String CDC_ROLE = ServiceDatabase.CDC_ROLE;
    public static final String ORDERS_DATABASE = "orders";
    public static final String ORDERS_ROLE = "orders_app";
    /** Kafka's FileStream sink, on the worker's plugin path: a sink that needs nothing but a file. */
    public static final String FILE_SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String OUTBOX_MIGRATION =
            "outbox-library/outbox-core/src/main/resources/db/relaybox/outbox/V0_1_0__relaybox_outbox_event.sql";

    private final Path folder;
    private final String connectPassword = "connect-" + Long.toHexString(System.nanoTime());
    private final String cdcPassword = "cdc-" + Long.toHexString(System.nanoTime());
    private final String ordersPassword = "orders-" + Long.toHexString(System.nanoTime());
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final ConnectWorker connect;

    private TestStack(Path folder) {
        this.folder = folder.toAbsolutePath();
        PlatformLayout layout = PlatformLayout.detect();
        this.postgres = PostgresServer.create(this.folder.resolve("postgres/data"), FreePort.any(), this.folder.resolve("postgres.log"),
                "pg-" + Long.toHexString(System.nanoTime()));
        this.kafka = new KafkaBroker(this.folder.resolve("kafka"), layout.kafkaClasspath(), FreePort.any(), FreePort.any(),
                this.folder.resolve("kafka.log"), BrokerTimePolicy.TESTS);
        this.connect = new ConnectWorker(this.folder.resolve("connect"), layout.connectClasspath(), layout.connectPluginFolders(),
                kafka.bootstrapServers(), FreePort.any(), this.folder.resolve("connect.log"), Map.of("RELAYBOX_CDC_PASSWORD", cdcPassword),
                new ConnectWorker.Credentials(CONNECT_USER, connectPassword));
    }

    /** Starts everything in a fresh folder; on failure stops what was started. */
    public static TestStack start(Path folder) {
        // a run that was killed leaves its data behind: start from scratch
        RunFolder.purge(folder, Optional.empty());
        TestStack stack = new TestStack(folder);
        try {
            stack.kafka.prepare();
            stack.kafka.process().start();
            stack.postgres.start(START_TIMEOUT);
            stack.prepareOrdersDatabase(PlatformLayout.detect().home().resolve(OUTBOX_MIGRATION));
            stack.kafka.process().awaitReady(START_TIMEOUT);
            stack.connect.start(START_TIMEOUT);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void prepareOrdersDatabase(Path outboxMigration) {
        postgres.ensureRole(CDC_ROLE, cdcPassword, true);
        postgres.ensureRole(ORDERS_ROLE, ordersPassword, false);
        postgres.ensureDatabase(ORDERS_DATABASE, ORDERS_ROLE);
        postgres.execute(ORDERS_DATABASE, "ALTER DEFAULT PRIVILEGES FOR ROLE " + ORDERS_ROLE + " IN SCHEMA public GRANT SELECT ON TABLES TO "
                + CDC_ROLE);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(ORDERS_DATABASE), ORDERS_ROLE, ordersPassword);
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(outboxMigration));
        } catch (IOException | java.sql.SQLException e) {
            throw new PlatformException("cannot create the outbox table from " + outboxMigration + ": " + e.getMessage(), e);
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ConnectWorker connect() {
        return connect;
    }

    /** A client of the worker with the right credentials. */
    public ConnectClient client() {
        return connect.client();
    }

    public URI connectUrl() {
        return URI.create(connect.restUrl());
    }

    public String connectPassword() {
        return connectPassword;
    }

    /** The password of the CDC role, which the worker knows as {@code ${env:RELAYBOX_CDC_PASSWORD}}. */
    public String cdcPassword() {
        return cdcPassword;
    }

    /** A folder for one test's files, under the stack's folder. */
    public Path folder(String name) {
        Path path = folder.resolve("tests").resolve(name);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new PlatformException("cannot create " + path + ": " + e.getMessage(), e);
        }
        return path;
    }

    @Override
    public void close() {
        List<Throwable> failures = new ArrayList<>();
        for (ManagedProcess process : List.of(connect.process(), kafka.process(), postgres.process())) {
            try {
                process.stop();
            } catch (RuntimeException | LinkageError e) {
                // a clean stop failed (even a class missing because another build rewrote target/classes): leave nothing running
                failures.add(e);
                process.kill();
            }
        }
        if (!postgres.process().isAlive()) {
            postgres.deleteData();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("stopping the shared test stack: " + failures.get(0), failures.get(0));
        }
    }
}
