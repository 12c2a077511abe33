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
 * with Debezium, the order monolith and two instances each of the inventory and payment services. It starts them in dependency order (in parallel where it can), prepares
 * the databases, registers the connectors through the Connect REST API, and stops everything in reverse order.
 * Tests get at each process to stop, kill (-9) and restart it.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String ORDERS_CONNECTOR = "orders-outbox-source";
    /** The user of the Connect REST API. */
    public static final String CONNECT_USER = "relaybox";

    /** The services the platform runs, in start order. */
    public static final List<ServiceKind> SERVICES = List.of(ServiceKind.ORDER_MONOLITH, ServiceKind.INVENTORY, ServiceKind.PAYMENT);

    private final PlatformSettings settings;
    private final Secrets secrets;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final ConnectWorker connect;
    private final Map<String, SpringBootService> services = new LinkedHashMap<>();
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
        for (ServiceKind kind : settings.services()) {
            for (int instance = 1; instance <= kind.instances(); instance++) {
                String name = kind.instanceName(instance);
                ServiceDatabase database = kind.database();
                services.put(name, new SpringBootService(name, layout.jar(kind), ports.service(name),
                        List.of("--spring.datasource.url=" + postgres.jdbcUrl(database.database()),
                                "--spring.datasource.username=" + database.ownerRole(),
                                "--relaybox.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "--relaybox.instance-id=" + name,
                                // a killed instance's partitions move to the others after 10 s, not Kafka's 45 s
                                "--relaybox.inbox.consumer-properties[session.timeout.ms]=10000",
                                // the crash-test hook: inert until a test creates this file
                                "--relaybox.inbox.pause-before-offset-commit=" + pauseFile(name)),
                        Map.of("SPRING_DATASOURCE_PASSWORD", secrets.password(database.ownerRole())), run, logFile(name)));
            }
        }
    }

    /**
     * The file that makes the service instance's consumer pause after a database commit and before the offset commit
     * while it exists (it then creates {@code <file>.paused}); for crash tests.
     */
    public Path pauseFile(String instanceName) {
        return settings.runFolder().resolve("hooks").resolve(instanceName + ".pause");
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
        for (ServiceKind kind : settings.services()) {
            kind.database().ensureOn(postgres, secrets);
        }
        kafka.process().awaitReady(settings.startTimeout());
        report(kafka.process(), begin);
        Topics.ensure(kafka.bootstrapServers());
        connect.prepare();
        connect.process().start();
        // the services' migrations create the outbox tables and publications the connectors need
        services.values().forEach(service -> service.process().start());
        for (SpringBootService service : services.values()) {
            service.process().awaitReady(settings.startTimeout());
            report(service.process(), begin);
        }
        connect.process().awaitReady(settings.startTimeout());
        report(connect.process(), begin);
        for (ApplyResult connector : registerConnectors()) {
            progress.accept(String.format("connector %-24s %s, RUNNING after %.1f s", connector.name(),
                    connector.action().word(), seconds(begin)));
        }
        saveState();
    }

    /**
     * Registers every connector file of {@code connect-config/connectors} whose database belongs to a running service
     * through the Connect REST API, the way
     * {@code connectctl apply} does (all validated first, then created or updated only when changed), and waits
     * until each one's tasks run.
     */
    public List<ApplyResult> registerConnectors() {
        List<String> databases = settings.services().stream().map(kind -> kind.database().database()).toList();
        List<ConnectorDefinition> connectors = ConnectorFiles.read(List.of(settings.layout().connectorFolder())).stream()
                .filter(connector -> databases.contains(connector.config().get("database.dbname")))
                .toList();
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
        List<ManagedProcess> reverse = new ArrayList<>(processes().values());
        java.util.Collections.reverse(reverse);
        for (ManagedProcess process : reverse) {
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
        for (ManagedProcess process : processes().values()) {
            if (process.isAlive()) {
                entries.add(PlatformState.Entry.of(process));
            }
        }
        new PlatformState(settings.runFolder(), postgres.dataDirectory(), endpoints(), entries).write();
    }

    /** Where everything listens, by name, for humans and scripts. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("orders-api", orderMonolith().baseUrl());
        services.forEach((name, service) -> {
            if (!service.equals(orderMonolith())) {
                endpoints.put(name, service.baseUrl());
            }
        });
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
        return service(ServiceKind.ORDER_MONOLITH.instanceName(1));
    }

    /** One service instance by name, e.g. {@code payment-service-2}. */
    public SpringBootService service(String instanceName) {
        SpringBootService service = services.get(instanceName);
        if (service == null) {
            throw new PlatformException("no service instance " + instanceName + "; there are " + services.keySet());
        }
        return service;
    }

    /** Every instance of the service. */
    public List<SpringBootService> instances(ServiceKind kind) {
        List<SpringBootService> instances = new ArrayList<>();
        for (int instance = 1; instance <= kind.instances(); instance++) {
            instances.add(service(kind.instanceName(instance)));
        }
        return instances;
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

    /** Every managed process by name, in start order: postgres, kafka, connect, then the service instances. */
    public Map<String, ManagedProcess> processes() {
        Map<String, ManagedProcess> processes = new LinkedHashMap<>();
        for (ManagedProcess process : List.of(postgres.process(), kafka.process(), connect.process())) {
            processes.put(process.name(), process);
        }
        services.forEach((name, service) -> processes.put(name, service.process()));
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
