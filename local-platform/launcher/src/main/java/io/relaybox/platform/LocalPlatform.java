package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.relaybox.connectctl.ApplyResult;
import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorApplier;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorFiles;

/**
 * The whole platform on one machine, as real processes: PostgreSQL, a KRaft Kafka broker, a Kafka Connect worker
 * with Debezium, and the order monolith. It starts them in dependency order (in parallel where it can), prepares
 * the databases, registers the connectors through the Connect REST API, and stops everything in reverse order.
 * Tests get at each process to stop, kill (-9) and restart it.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String ORDERS_CONNECTOR = "orders-outbox-source";
    /** The user of the Connect REST API. */
    public static final String CONNECT_USER = "relaybox";

    private final PlatformSettings settings;
    private final Secrets secrets;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final ConnectWorker connect;
    private final SpringBootService orderMonolith;
    private final Consumer<String> progress;
    private Thread shutdownHook;

    private LocalPlatform(PlatformSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        Path run = settings.runFolder();
        PlatformLayout layout = settings.layout();
        PortPlan ports = settings.ports();
        this.secrets = Secrets.in(run);
        this.postgres = PostgresServer.create(run.resolve("postgres/data"), ports.postgres(), logFile("postgres"),
                secrets.password("postgres"));
        this.kafka = new KafkaBroker(run.resolve("kafka"), layout.kafkaClasspath(), ports.kafka(), ports.kafkaController(),
                logFile("kafka"));
        this.connect = new ConnectWorker(run.resolve("connect"), layout.connectClasspath(), layout.connectPluginFolders(),
                kafka.bootstrapServers(), ports.connect(), logFile("connect"),
                Map.of("RELAYBOX_CDC_PASSWORD", secrets.password(ServiceDatabase.CDC_ROLE)), connectCredentials(secrets));
        ServiceDatabase orders = ServiceDatabase.ORDERS;
        this.orderMonolith = new SpringBootService("order-monolith", layout.orderMonolithJar(), ports.orders(),
                List.of("--spring.datasource.url=" + postgres.jdbcUrl(orders.database()),
                        "--spring.datasource.username=" + orders.ownerRole()),
                Map.of("SPRING_DATASOURCE_PASSWORD", secrets.password(orders.ownerRole())), run, logFile("order-monolith"));
    }

    /** The user and password of the Connect REST API, generated on first start and kept in the run folder's secrets. */
    public static ConnectWorker.Credentials connectCredentials(Secrets secrets) {
        return new ConnectWorker.Credentials(CONNECT_USER, secrets.password("connect." + CONNECT_USER));
    }

    /**
     * Starts the platform and returns once every process is ready and every connector RUNNING.
     *
     * @param progress receives one line per step, for humans
     * @throws PlatformException when a process fails to start; whatever was started is stopped again
     */
    public static LocalPlatform start(PlatformSettings settings, Consumer<String> progress) {
        LocalPlatform platform = new LocalPlatform(settings, progress).stopOnJvmExit();
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.stop();
            throw e;
        }
    }

    private void startAll() {
        long begin = System.nanoTime();
        kafka.prepare();
        kafka.process().start();
        postgres.start(settings.startTimeout());
        report(postgres.process(), begin);
        postgres.ensureRole(ServiceDatabase.CDC_ROLE, secrets.password(ServiceDatabase.CDC_ROLE), true);
        ServiceDatabase.ORDERS.ensureOn(postgres, secrets);
        orderMonolith.process().start();
        kafka.process().awaitReady(settings.startTimeout());
        report(kafka.process(), begin);
        connect.prepare();
        connect.process().start();
        orderMonolith.process().awaitReady(settings.startTimeout());
        report(orderMonolith.process(), begin);
        connect.process().awaitReady(settings.startTimeout());
        report(connect.process(), begin);
        for (ApplyResult connector : registerConnectors()) {
            progress.accept(String.format("connector %-15s %s, RUNNING after %.1f s", connector.name(),
                    connector.action().word(), seconds(begin)));
        }
        saveState();
    }

    /**
     * Registers every connector file of {@code connect-config/connectors} through the Connect REST API, the way
     * {@code connectctl apply} does (all validated first, then created or updated only when changed), and waits
     * until each one's tasks run.
     */
    public List<ApplyResult> registerConnectors() {
        List<ConnectorDefinition> connectors = ConnectorFiles.read(List.of(settings.layout().connectorFolder()));
        List<ApplyResult> results = ConnectorApplier.to(connect.client())
                .withEnvironment(Map.of())
                .withOverrides(Map.of("database.hostname", "127.0.0.1", "database.port", Integer.toString(postgres.port())))
                .apply(connectors);
        results.forEach(result -> connect.client().awaitRunning(result.name(), settings.startTimeout()));
        return results;
    }

    /**
     * Lets the processes outlive this JVM (the command line's {@code up}); by default a started platform is stopped
     * when its JVM ends, so that an interrupted start or a crashed test run leaves nothing running.
     */
    public LocalPlatform detach() {
        removeShutdownHook();
        return this;
    }

    private LocalPlatform stopOnJvmExit() {
        shutdownHook = new Thread(this::stop, "relaybox-platform-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        return this;
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        shutdownHook = null;
    }

    /** Stops every process in reverse start order and forgets the state file. */
    public synchronized void stop() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ManagedProcess process : List.of(orderMonolith.process(), connect.process(), kafka.process(), postgres.process())) {
            try {
                process.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        PlatformState.read(settings.runFolder()).ifPresent(PlatformState::delete);
        removeShutdownHook();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Writes {@code platform.json} so that a later command finds the processes. */
    public void saveState() {
        List<PlatformState.Entry> entries = new ArrayList<>();
        for (ManagedProcess process : List.of(postgres.process(), kafka.process(), connect.process(), orderMonolith.process())) {
            if (process.isAlive()) {
                entries.add(PlatformState.Entry.of(process));
            }
        }
        new PlatformState(settings.runFolder(), postgres.dataDirectory(), endpoints(), entries).write();
    }

    /** Where everything listens, by name, for humans and scripts. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("orders-api", orderMonolith.baseUrl());
        endpoints.put("kafka", kafka.bootstrapServers());
        endpoints.put("connect", connect.restUrl());
        endpoints.put("postgres", postgres.jdbcUrl(ServiceDatabase.ORDERS.database()));
        endpoints.put("logs", settings.runFolder().resolve("logs").toString());
        return endpoints;
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

    public SpringBootService orderMonolith() {
        return orderMonolith;
    }

    public ConnectClient connectClient() {
        return connect.client();
    }

    public Secrets secrets() {
        return secrets;
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** Every managed process by name: postgres, kafka, connect, order-monolith. */
    public Map<String, ManagedProcess> processes() {
        Map<String, ManagedProcess> processes = new LinkedHashMap<>();
        for (ManagedProcess process : List.of(postgres.process(), kafka.process(), connect.process(), orderMonolith.process())) {
            processes.put(process.name(), process);
        }
        return processes;
    }

    private Path logFile(String name) {
        Path logs = settings.runFolder().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new PlatformException("cannot create " + logs + ": " + e.getMessage(), e);
        }
        return logs.resolve(name + ".log");
    }

    private void report(ManagedProcess process, long begin) {
        progress.accept(String.format("%-24s ready at %-32s pid %-7d after %.1f s", process.name(), process.spec().endpoint(),
                process.pid(), seconds(begin)));
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }
}
