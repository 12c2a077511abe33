package io.relaybox.platform;

import io.relaybox.topology.ServiceDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.relaybox.connectctl.ApplyResult;
import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorApplier;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorFiles;

/**
 * The whole platform on one machine, as real processes: PostgreSQL, a KRaft Kafka broker, a Kafka Connect worker
 * with Debezium and this project's sink connectors, Elasticsearch, an S3-compatible server (S3Proxy), an SMTP server (GreenMail), and the
 * instances of each service of the topology ({@link ServiceKind#all()}). It starts them in dependency order (in
 * parallel where it can), prepares the databases and the archive bucket, registers the connectors through the Connect
 * REST API (the Elasticsearch sink installs its index templates itself), and stops everything in reverse order.
 * Tests get at each process to stop, kill (-9) and restart it.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String ORDERS_CONNECTOR = "orders-outbox-source";
    public static final String ELASTICSEARCH_CONNECTOR = "elasticsearch-sink";
    public static final String ARCHIVE_CONNECTOR = "s3-archive-sink";
    /** The user the Elasticsearch sink (and the demo) log in to Elasticsearch with; also the S3 access key id. */
    public static final String SINK_USER = "relaybox";
    /** The archive's bucket, as {@code connect-config/connectors/s3-archive-sink.json} names it. */
    public static final String ARCHIVE_BUCKET = "relaybox-archive";
    /** The archive's key prefix, as {@code connect-config/connectors/s3-archive-sink.json} names it. */
    public static final String ARCHIVE_PREFIX = "events";
    /** How long records may wait in an unfinished archive object before the sink uploads it as it stands. */
    static final String ARCHIVE_OPEN_OBJECT_UPLOAD_MS = "5000";
    /** The source connector setting that demands (required) or merely asks for (requested) exactly-once source. */
    static final String EXACTLY_ONCE_SUPPORT = "exactly.once.support";
    /**
     * The service that migrates capabilities to extracted services ({@code /migration}), and where it finds them: the
     * back-fills of its mode switches and its sync mode call their HTTP API.
     */
    static final String MIGRATING_SERVICE = "order-monolith";
    static final Map<String, String> MIGRATED_CAPABILITIES = Map.of("inventory-urls", "inventory-service", "payment-urls", "payment-service");
    /**
     * What every service instance is told in a verification run: keep every outbox row (for ten years, longer than any
     * run), so that the outbox tables are the ledger of every event the databases committed.
     */
    static final List<String> RETAINED_OUTBOX = List.of("--outbox.cleanup=retain", "--outbox.retention=3650d");
    /** The user of the Connect REST API. */
    public static final String CONNECT_USER = "relaybox";

    /** The services the platform runs, in start order: those of the topology ({@code io.relaybox.topology}). */
    public static final List<ServiceKind> SERVICES = ServiceKind.all();

    private final PlatformSettings settings;
    private final Secrets secrets;
    private final PostgresServer postgres;
    private final KafkaCluster kafka;
    private final ConnectWorker connect;
    private final List<ConnectWorker> workers = new ArrayList<>();
    private final ElasticsearchServer elasticsearch;
    private final S3Server s3;
    private final MailServer mail;
    private final Map<String, SpringBootService> services = new LinkedHashMap<>();
    private final Map<String, FaultProxy> faultProxies = new LinkedHashMap<>();
    private final EmbeddedRelay relay;
    private final LagExporter lagExporter;
    private final PostgresExporter postgresExporter;
    private final ElasticsearchExporter elasticsearchExporter;
    private final PrometheusServer prometheus;
    private final List<String> monitoringNotes = new ArrayList<>();
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
        this.kafka = kafkaCluster(run, layout, ports);
        List<Path> pluginFolders = new ArrayList<>(layout.connectPluginFolders());
        Map<String, String> workerEnvironment = new LinkedHashMap<>();
        workerEnvironment.put("RELAYBOX_CDC_PASSWORD", secrets.password(ServiceDatabase.CDC_ROLE));
        if (settings.sinks()) {
            pluginFolders.addAll(layout.sinkPluginFolders());
            this.elasticsearch = ElasticsearchServer.create(layout.elasticsearchHome(), run.resolve("elasticsearch"),
                    ports.elasticsearch(), ports.elasticsearchTransport(), logFile("elasticsearch"), elasticsearchSecurity());
            this.s3 = new S3Server(run.resolve("s3"), layout.s3ProxyClasspath(), ports.s3(), logFile("s3"), SINK_USER,
                    s3SecretKey(secrets), metricsAgent("jvm-only.yml", "s3-metrics"));
            this.mail = new MailServer(run.resolve("mail"), layout.mailServerClasspath(), ports.smtp(), ports.mailApi(),
                    logFile("mail"), metricsAgent("jvm-only.yml", "mail-metrics"));
            workerEnvironment.put("RELAYBOX_ELASTICSEARCH_PASSWORD", elasticsearchCredentials(secrets).password());
            workerEnvironment.put("RELAYBOX_S3_SECRET_KEY", s3SecretKey(secrets));
        } else {
            this.elasticsearch = null;
            this.s3 = null;
            this.mail = null;
        }
        for (int worker = 1; worker <= settings.cluster().connectWorkers(); worker++) {
            String name = ClusterShape.workerName(worker);
            workers.add(new ConnectWorker(name, run.resolve(name), layout.connectClasspath(), pluginFolders, kafka.bootstrapServers(),
                    ports.connectWorker(worker), logFile(name), workerEnvironment, connectCredentials(secrets), settings.exactlyOnceSource(),
                    metricsAgent("connect-worker.yml", name + "-metrics")));
        }
        this.connect = workers.get(0);
        this.relay = settings.relay() == RelayRuntime.EMBEDDED
                ? new EmbeddedRelay(run.resolve("relay"), layout.relayClasspath(), kafka.bootstrapServers(), sourceConnectorFiles(),
                        relayOverrides(ports.postgres()), ports.monitoring("relay"), logFile("relay"),
                        Map.of("RELAYBOX_CDC_PASSWORD", secrets.password(ServiceDatabase.CDC_ROLE)),
                        metricsAgent("connect-worker.yml", "relay-metrics"))
                : null;
        for (ServiceKind kind : settings.services()) {
            for (int instance = 1; instance <= kind.instances(); instance++) {
                String name = kind.instanceName(instance);
                Map<String, String> environment = kind.descriptor().hasDatabase()
                        ? Map.of("SPRING_DATASOURCE_PASSWORD", secrets.password(kind.database().ownerRole()))
                        : Map.of();
                services.put(name, new SpringBootService(name, layout.jar(kind), ports.service(name), kind.descriptor().health(),
                        serviceArguments(kind, name), environment, run, logFile(name), settings.serviceAddOns()));
            }
        }
        if (settings.monitoring()) {
            Path monitoring = layout.monitoringFolder();
            this.lagExporter = new LagExporter(run.resolve("lag-exporter"), layout.lagExporterClasspath(), kafka.bootstrapServers(),
                    ports.monitoring("lag-exporter"), logFile("lag-exporter"));
            this.postgresExporter = PostgresExporter.installed()
                    .map(binary -> new PostgresExporter(binary, run.resolve("postgres-exporter"), ports.monitoring("postgres-exporter"),
                            ports.postgres(), secrets.password(PostgresExporter.ROLE), monitoring.resolve("postgres/queries.yml"),
                            logFile("postgres-exporter")))
                    .orElse(null);
            if (postgresExporter == null) {
                monitoringNotes.add("no PostgreSQL metrics: prometheus-postgres-exporter is not installed"
                        + " (sudo apt-get install prometheus-postgres-exporter)");
            }
            this.elasticsearchExporter = elasticsearch == null ? null : ElasticsearchExporter.installed()
                    .map(binary -> new ElasticsearchExporter(binary, run.resolve("elasticsearch-exporter"),
                            ports.monitoring("elasticsearch-exporter"), elasticsearch, elasticsearchMonitor(secrets).password(),
                            logFile("elasticsearch-exporter")))
                    .orElse(null);
            if (elasticsearch != null && elasticsearchExporter == null) {
                monitoringNotes.add("no Elasticsearch metrics: prometheus-elasticsearch-exporter is not installed"
                        + " (sudo apt-get install prometheus-elasticsearch-exporter)");
            }
            this.prometheus = PrometheusServer.installed()
                    .map(binary -> new PrometheusServer(binary, run.resolve("prometheus"), ports.monitoring("prometheus"),
                            scrapeTargets(), monitoring.resolve("prometheus/alerts.yml"), logFile("prometheus")))
                    .orElse(null);
            if (prometheus == null) {
                monitoringNotes.add("no Prometheus, no alerts: prometheus is not installed (sudo apt-get install prometheus);"
                        + " every process still serves its metrics");
            }
        } else {
            this.lagExporter = null;
            this.postgresExporter = null;
            this.elasticsearchExporter = null;
            this.prometheus = null;
        }
    }

    /** The metrics agent of a JVM process with these rules on this monitoring port; none when monitoring is off. */
    /** One KRaft node, or the settings' cluster of them: {@code kafka}, {@code kafka-2}, ... each in a folder of that name. */
    private KafkaCluster kafkaCluster(Path run, PlatformLayout layout, PortPlan ports) {
        List<KafkaBroker.Node> nodes = ports.kafkaNodes(settings.cluster().brokers());
        List<KafkaBroker> brokers = new ArrayList<>();
        for (KafkaBroker.Node node : nodes) {
            String name = ClusterShape.brokerName(node.id());
            brokers.add(new KafkaBroker(run.resolve(name), layout.kafkaClasspath(), node, nodes,
                    nodes.size() == 1 ? null : run.resolve("kafka-cluster.id"), logFile(name), settings.brokerTime(),
                    metricsAgent("kafka-broker.yml", name + "-metrics")));
        }
        return new KafkaCluster(brokers, settings.cluster());
    }

    private MetricsAgent metricsAgent(String rules, String port) {
        if (!settings.monitoring()) {
            return null;
        }
        return new MetricsAgent(settings.layout().jmxExporterAgent(), settings.layout().monitoringFolder().resolve("jmx").resolve(rules),
                settings.ports().monitoring(port));
    }

    /** Every metrics endpoint of the platform, as Prometheus scrapes it. */
    public List<ScrapeTarget> scrapeTargets() {
        List<ScrapeTarget> targets = new ArrayList<>();
        kafka.brokers().forEach(broker -> broker.metricsAgent()
                .ifPresent(agent -> targets.add(new ScrapeTarget("kafka", broker.process().name(), agent.endpoint()))));
        workers.forEach(worker -> worker.metricsAgent()
                .ifPresent(agent -> targets.add(new ScrapeTarget("connect", worker.process().name(), agent.endpoint()))));
        if (relay != null) {
            relay.metricsAgent().ifPresent(agent -> targets.add(new ScrapeTarget("relay", "relay", agent.endpoint())));
        }
        if (s3 != null) {
            s3.metricsAgent().ifPresent(agent -> targets.add(new ScrapeTarget("s3", "s3", agent.endpoint())));
            mail.metricsAgent().ifPresent(agent -> targets.add(new ScrapeTarget("mail", "mail", agent.endpoint())));
        }
        if (postgresExporter != null) {
            targets.add(new ScrapeTarget("postgres", "postgres", postgresExporter.metricsEndpoint()));
        }
        if (elasticsearchExporter != null) {
            targets.add(new ScrapeTarget("elasticsearch", "elasticsearch", elasticsearchExporter.metricsEndpoint()));
        }
        if (lagExporter != null) {
            targets.add(new ScrapeTarget("kafka-consumer-groups", "lag-exporter", lagExporter.metricsEndpoint()));
        }
        for (ServiceKind kind : settings.services()) {
            for (int instance = 1; instance <= kind.instances(); instance++) {
                String name = kind.instanceName(instance);
                targets.add(new ScrapeTarget(kind.name(), name, service(name).baseUrl() + "/actuator/prometheus"));
            }
        }
        return targets;
    }

    /**
     * What an instance is told on its command line: where its database (if it has one) and Kafka are, what the topology
     * says it consumes, and a folder of its own for local state ({@code --relaybox.data-dir}, in the run folder); then
     * what the caller gave its kind ({@link PlatformSettings#withServiceArguments}).
     */
    private List<String> serviceArguments(ServiceKind kind, String instanceName) {
        List<String> arguments = new ArrayList<>();
        if (kind.descriptor().hasDatabase()) {
            ServiceDatabase database = kind.database();
            arguments.add("--spring.datasource.url=" + postgres.jdbcUrl(database.database()));
            arguments.add("--spring.datasource.username=" + database.ownerRole());
        }
        arguments.addAll(List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--relaybox.data-dir=" + settings.runFolder().resolve("state").resolve(instanceName).toAbsolutePath()));
        if (mail != null) {
            // the platform's SMTP server, for a service that sends mail (the others ignore it)
            arguments.add("--spring.mail.host=127.0.0.1");
            arguments.add("--spring.mail.port=" + mail.smtpPort());
        }
        if (kind.descriptor().hasInbox()) {
            arguments.add("--outbox.inbox.instance-id=" + instanceName);
            // a killed instance's partitions move to the others after 10 s, not Kafka's 45 s
            arguments.add("--outbox.inbox.consumer-properties[session.timeout.ms]=10000");
            arguments.add("--outbox.inbox.consumer=" + kind.descriptor().consumerGroup());
            arguments.add("--outbox.inbox.topics=" + String.join(",", kind.descriptor().consumes()));
        }
        if (settings.verification() && kind.descriptor().hasDatabase()) {
            arguments.addAll(RETAINED_OUTBOX);
        }
        if (kind.name().equals(MIGRATING_SERVICE)) {
            MIGRATED_CAPABILITIES.forEach((property, service) -> arguments.add("--relaybox.migration." + property + "=" + instanceUrls(service)));
        }
        kind.descriptor().properties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return withCallerArguments(arguments, settings.serviceArguments().getOrDefault(kind.name(), List.of()));
    }

    /**
     * The platform's arguments of an instance followed by the caller's ({@link PlatformSettings#withServiceArguments});
     * a platform argument naming a property the caller names too is left out, since Spring would join both values
     * with a comma instead of letting the later one win.
     */
    static List<String> withCallerArguments(List<String> platform, List<String> caller) {
        if (caller.isEmpty()) {
            return platform;
        }
        Set<String> named = new HashSet<>();
        caller.forEach(argument -> named.add(optionName(argument)));
        List<String> arguments = new ArrayList<>(platform);
        arguments.removeIf(argument -> named.contains(optionName(argument)));
        arguments.addAll(caller);
        return arguments;
    }

    /** {@code --name} of {@code --name=value}. */
    private static String optionName(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    /** Every instance's base URL of a service kind, comma-separated; empty when the platform runs none. */
    private String instanceUrls(String kindName) {
        List<String> urls = new ArrayList<>();
        for (ServiceKind kind : settings.services()) {
            if (kind.name().equals(kindName)) {
                for (int instance = 1; instance <= kind.instances(); instance++) {
                    urls.add("http://127.0.0.1:" + settings.ports().service(kind.instanceName(instance)));
                }
            }
        }
        return String.join(",", urls);
    }

    /** The user and password of the Connect REST API, generated on first start and kept in the run folder's secrets. */
    public static ConnectWorker.Credentials connectCredentials(Secrets secrets) {
        return new ConnectWorker.Credentials(CONNECT_USER, secrets.password("connect." + CONNECT_USER));
    }

    /** Elasticsearch's users: the sink's (a superuser) and, with monitoring, the exporter's, who reads statistics only. */
    private ElasticsearchServer.Security elasticsearchSecurity() {
        ElasticsearchServer.Security security = ElasticsearchServer.Security.basicAuth(elasticsearchCredentials(secrets));
        return settings.monitoring() ? security.withMonitor(elasticsearchMonitor(secrets)) : security;
    }

    private static ElasticsearchServer.Credentials elasticsearchMonitor(Secrets secrets) {
        return new ElasticsearchServer.Credentials(ElasticsearchExporter.USER, secrets.password("elasticsearch." + ElasticsearchExporter.USER));
    }

    /** The Elasticsearch user of the sink and the demo, its password generated on first start. */
    public static ElasticsearchServer.Credentials elasticsearchCredentials(Secrets secrets) {
        return new ElasticsearchServer.Credentials(SINK_USER, secrets.password("elasticsearch." + SINK_USER));
    }

    /** The secret access key of the S3 user {@link #SINK_USER}, generated on first start. */
    public static String s3SecretKey(Secrets secrets) {
        return secrets.password("s3." + SINK_USER);
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

    /**
     * The platform of the settings, nothing started: for a supervisor that adopts by PID the processes an earlier one
     * started ({@link PlatformSupervisor#adopt}) and starts the rest. It is not stopped when the JVM ends.
     */
    public static LocalPlatform describe(PlatformSettings settings, Consumer<String> progress) {
        return new LocalPlatform(settings, progress);
    }

    private void startAll() {
        long begin = System.nanoTime();
        kafka.prepare();
        kafka.brokers().forEach(broker -> broker.process().start());
        if (elasticsearch != null) {
            elasticsearch.prepare();
            elasticsearch.process().start();
            s3.prepare();
            s3.ensureBucket(ARCHIVE_BUCKET);
            s3.process().start();
            mail.prepare();
            mail.process().start();
        }
        postgres.start(settings.startTimeout());
        report(postgres.process(), begin);
        postgres.ensureRole(ServiceDatabase.CDC_ROLE, secrets.password(ServiceDatabase.CDC_ROLE), true);
        for (ServiceKind kind : settings.services()) {
            if (kind.descriptor().hasDatabase()) {
                kind.database().ensureOn(postgres, secrets);
            }
        }
        if (postgresExporter != null) {
            postgresExporter.prepare(postgres, secrets.password(PostgresExporter.ROLE));
            postgresExporter.process().start();
        }
        for (KafkaBroker broker : kafka.brokers()) {
            broker.process().awaitReady(settings.startTimeout());
            report(broker.process(), begin);
        }
        Topics.ensure(kafka.bootstrapServers(), kafka.replicationFactor());
        if (lagExporter != null) {
            lagExporter.prepare();
            lagExporter.process().start();
        }
        for (ConnectWorker worker : workers) {
            worker.prepare();
            worker.process().start();
        }
        // the services' migrations create the outbox tables and publications the connectors need
        services.values().forEach(service -> {
            service.prepare();
            service.process().start();
        });
        for (SpringBootService service : services.values()) {
            service.process().awaitReady(settings.startTimeout());
            report(service.process(), begin);
        }
        if (relay != null) {
            relay.prepare();
            relay.process().start();
        }
        if (elasticsearch != null) {
            elasticsearch.process().awaitReady(settings.startTimeout());
            report(elasticsearch.process(), begin);
            s3.process().awaitReady(settings.startTimeout());
            report(s3.process(), begin);
            mail.process().awaitReady(settings.startTimeout());
            report(mail.process(), begin);
            if (elasticsearchExporter != null) {
                elasticsearchExporter.prepare();
                elasticsearchExporter.process().start();
            }
            if (settings.verification()) {
                openFaultProxies();
            }
        }
        for (ConnectWorker worker : workers) {
            worker.process().awaitReady(settings.startTimeout());
            report(worker.process(), begin);
        }
        if (prometheus != null) {
            prometheus.prepare();
            prometheus.process().start();
        }
        for (ApplyResult connector : registerConnectors()) {
            progress.accept(String.format("connector %-24s %s, RUNNING after %.1f s", connector.name(),
                    connector.action().word(), seconds(begin)));
        }
        if (relay != null) {
            relay.process().awaitReady(settings.startTimeout());
            report(relay.process(), begin);
        }
        for (ManagedProcess monitor : monitoringProcesses()) {
            monitor.awaitReady(settings.startTimeout());
            report(monitor, begin);
        }
        monitoringNotes.forEach(progress);
        saveState();
    }

    /**
     * Registers the connector files of {@code connect-config/connectors} through the Connect REST API, the way
     * {@code connectctl apply} does (validated first, then created or updated only when changed), and waits until each
     * one's tasks run: the outbox connector of each running service ({@code <database>-outbox-source}), then (unless the settings
     * leave the sinks out) every other connector file, a sink, pointed at this platform's Elasticsearch and S3 server
     * where it has {@code connection.urls} or {@code s3.endpoint.url}.
     */
    public List<ApplyResult> registerConnectors() {
        List<ConnectorDefinition> files = ConnectorFiles.read(List.of(settings.layout().connectorFolder()));
        List<ConnectorDefinition> sources = settings.services().stream()
                .map(ServiceKind::descriptor)
                .filter(ServiceDescriptor::hasSourceConnector)
                .flatMap(descriptor -> named(files, descriptor.sourceConnector()).stream())
                .toList();
        List<ApplyResult> results = new ArrayList<>();
        if (relay == null) {
            results.addAll(apply(sources, sourceOverrides(settings.exactlyOnceSource(), postgres.port())));
        } else {
            // the embedded relay streams these slots: a source connector left in Connect from an earlier run would compete
            List<String> registered = connect.client().connectors();
            sources.stream().map(ConnectorDefinition::name).filter(registered::contains).forEach(name -> {
                connect.client().delete(name);
                progress.accept(String.format("connector %-24s removed from Connect: the embedded relay runs it", name));
            });
        }
        if (elasticsearch != null) {
            // every other connector file is a sink: each gets this platform's address of whatever it writes to
            Map<String, String> sinkSettings = sinkOverrides(
                    faultProxy("elasticsearch").map(FaultProxy::endpoint).orElse(elasticsearch.url()),
                    faultProxy("s3").map(FaultProxy::endpoint).orElse(s3.endpoint()));
            for (ConnectorDefinition sink : files.stream().filter(file -> !isSource(file)).toList()) {
                Map<String, String> overrides = new LinkedHashMap<>(sinkSettings);
                overrides.keySet().retainAll(sink.config().keySet());
                results.addAll(apply(List.of(sink), overrides));
            }
        }
        results.forEach(result -> connect.client().awaitRunning(result.name(), settings.startTimeout()));
        return results;
    }

    /**
     * What a sink connector file may get on this platform: where it writes (Elasticsearch's or the S3 server's address,
     * or that of the fault proxy in front of it) and how soon the archive uploads an unfinished object; a sink gets those
     * of the keys its file has.
     */
    static Map<String, String> sinkOverrides(String elasticsearchUrl, String s3Endpoint) {
        return Map.of("connection.urls", elasticsearchUrl, "s3.endpoint.url", s3Endpoint, "open.object.upload.ms",
                ARCHIVE_OPEN_OBJECT_UPLOAD_MS);
    }

    /** The connector files of the running services' outbox sources, which the embedded relay runs. */
    private List<Path> sourceConnectorFiles() {
        List<ConnectorDefinition> files = ConnectorFiles.read(List.of(settings.layout().connectorFolder()));
        return settings.services().stream().map(ServiceKind::descriptor).filter(ServiceDescriptor::hasSourceConnector)
                .map(descriptor -> named(files, descriptor.sourceConnector()).get(0))
                .map(connector -> Path.of(connector.source())).toList();
    }

    /** What the embedded relay's connector files get on this platform: their PostgreSQL address. */
    static Map<String, String> relayOverrides(int postgresPort) {
        Map<String, String> overrides = new LinkedHashMap<>(sourceOverrides(true, postgresPort));
        overrides.remove(EXACTLY_ONCE_SUPPORT);
        return overrides;
    }

    /** Puts a fault proxy in front of Elasticsearch and one in front of the S3 server; both pass everything until told otherwise. */
    private void openFaultProxies() {
        try {
            faultProxies.put("elasticsearch", elasticsearch.security().tls()
                    ? FaultProxy.toTls(elasticsearch.port(), ElasticsearchSecurityFiles.trusting(elasticsearch.caCertificate().orElseThrow()))
                    : FaultProxy.to(elasticsearch.port()));
            faultProxies.put("s3", FaultProxy.to(s3.port()));
        } catch (IOException e) {
            throw new PlatformException("cannot open a fault proxy: " + e.getMessage(), e);
        }
        faultProxies.forEach((name, proxy) -> progress.accept(String.format("%-24s fault proxy at %s", name, proxy.endpoint())));
    }

    /**
     * The fault proxy through which the sink connectors reach {@code elasticsearch} or {@code s3}; present only when the
     * platform runs for verification ({@link PlatformSettings#verification()}).
     */
    public Optional<FaultProxy> faultProxy(String server) {
        return Optional.ofNullable(faultProxies.get(server));
    }

    /**
     * What an outbox source connector file gets on this platform: its PostgreSQL address, and, when exactly-once source
     * is off, {@code exactly.once.support=requested} instead of the file's {@code required} (which a worker without
     * exactly-once source support refuses).
     */
    static Map<String, String> sourceOverrides(boolean exactlyOnceSource, int postgresPort) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("database.hostname", "127.0.0.1");
        overrides.put("database.port", Integer.toString(postgresPort));
        if (!exactlyOnceSource) {
            overrides.put(EXACTLY_ONCE_SUPPORT, "requested");
        }
        return overrides;
    }

    private List<ApplyResult> apply(List<ConnectorDefinition> connectors, Map<String, String> overrides) {
        return ConnectorApplier.to(connect.client()).withEnvironment(Map.of()).withOverrides(overrides).apply(connectors);
    }

    private static boolean isSource(ConnectorDefinition connector) {
        return "io.debezium.connector.postgresql.PostgresConnector".equals(connector.connectorClass());
    }

    private static List<ConnectorDefinition> named(List<ConnectorDefinition> files, String name) {
        List<ConnectorDefinition> found = files.stream().filter(connector -> connector.name().equals(name)).toList();
        if (found.isEmpty()) {
            throw new PlatformException("no connector file names the connector " + name);
        }
        return found;
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

    /** Stops every process (in the {@link #stopOrder()}) and forgets the state file. */
    public synchronized void stop() {
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        stopOrder().stop(List.copyOf(processes().values()), (name, e) -> failures.add(e));
        for (FaultProxy proxy : faultProxies.values()) {
            try {
                proxy.close();
            } catch (IOException e) {
                failures.add(new PlatformException("cannot close a fault proxy: " + e.getMessage(), e));
            }
        }
        faultProxies.clear();
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
        for (ServiceKind kind : settings.services()) {
            List<String> names = kind.descriptor().instanceNames();
            List<String> endpointNames = kind.descriptor().endpointNames();
            for (int i = 0; i < names.size(); i++) {
                endpoints.put(endpointNames.get(i), service(names.get(i)).baseUrl());
            }
        }
        endpoints.put("kafka", kafka.bootstrapServers());
        workers.forEach(worker -> endpoints.put(worker.process().name(), worker.restUrl()));
        if (relay != null) {
            endpoints.put("relay", relay.statusUrl());
        }
        if (elasticsearch != null) {
            endpoints.put("elasticsearch", elasticsearch.url());
            endpoints.put("s3", s3.endpoint());
            endpoints.put("smtp", mail.smtpEndpoint());
            endpoints.put("mail-api", mail.apiEndpoint());
        }
        // the first service with a database (the monolith's): a JDBC URL needs one
        settings.services().stream().filter(kind -> kind.descriptor().hasDatabase()).findFirst()
                .ifPresent(kind -> endpoints.put("postgres", postgres.jdbcUrl(kind.database().database())));
        if (prometheus != null) {
            endpoints.put("prometheus", prometheus.url());
        }
        endpoints.put("logs", settings.runFolder().resolve("logs").toString());
        return endpoints;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The Kafka node, or the nodes of the cluster. */
    public KafkaCluster kafka() {
        return kafka;
    }

    /** The first Connect worker ({@code connect}), the only one unless the platform runs a cluster. */
    public ConnectWorker connect() {
        return connect;
    }

    /** Every Connect worker of the group, {@code connect} first. */
    public List<ConnectWorker> connectWorkers() {
        return List.copyOf(workers);
    }

    /** The embedded relay, when the settings run it instead of Connect's source connectors. */
    public Optional<EmbeddedRelay> relay() {
        return Optional.ofNullable(relay);
    }

    /** Elasticsearch, unless the settings leave the sinks out. */
    public Optional<ElasticsearchServer> elasticsearch() {
        return Optional.ofNullable(elasticsearch);
    }

    /** The S3-compatible server of the archive, unless the settings leave the sinks out. */
    public Optional<S3Server> s3() {
        return Optional.ofNullable(s3);
    }

    /** The SMTP server the services send mail through, unless the settings leave the sinks out. */
    public Optional<MailServer> mail() {
        return Optional.ofNullable(mail);
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

    /**
     * Every managed process by name, in start order: postgres, kafka, elasticsearch, s3 and mail (with the sinks), connect,
     * the service instances, then (with monitoring) the PostgreSQL exporter, the Elasticsearch exporter, the lag exporter and
     * Prometheus.
     */
    public Map<String, ManagedProcess> processes() {
        Map<String, ManagedProcess> processes = new LinkedHashMap<>();
        List<ManagedProcess> infrastructure = new ArrayList<>(List.of(postgres.process()));
        kafka.brokers().forEach(broker -> infrastructure.add(broker.process()));
        if (elasticsearch != null) {
            infrastructure.add(elasticsearch.process());
            infrastructure.add(s3.process());
            infrastructure.add(mail.process());
        }
        workers.forEach(worker -> infrastructure.add(worker.process()));
        if (relay != null) {
            infrastructure.add(relay.process());
        }
        for (ManagedProcess process : infrastructure) {
            processes.put(process.name(), process);
        }
        services.forEach((name, service) -> processes.put(name, service.process()));
        monitoringProcesses().forEach(process -> processes.put(process.name(), process));
        return processes;
    }

    /** The servers the other processes depend on, stopped after them; the Kafka nodes one after the other. */
    public StopOrder stopOrder() {
        Set<String> servers = new HashSet<>(Set.of(postgres.process().name()));
        Set<String> kafkaNodes = new HashSet<>();
        kafka.brokers().forEach(broker -> kafkaNodes.add(broker.process().name()));
        servers.addAll(kafkaNodes);
        if (elasticsearch != null) {
            servers.addAll(List.of(elasticsearch.process().name(), s3.process().name(), mail.process().name()));
        }
        return new StopOrder(servers, kafkaNodes);
    }

    /** The exporters and Prometheus, those that run. */
    private List<ManagedProcess> monitoringProcesses() {
        List<ManagedProcess> monitors = new ArrayList<>();
        if (postgresExporter != null) {
            monitors.add(postgresExporter.process());
        }
        if (elasticsearchExporter != null) {
            monitors.add(elasticsearchExporter.process());
        }
        if (lagExporter != null) {
            monitors.add(lagExporter.process());
        }
        if (prometheus != null) {
            monitors.add(prometheus.process());
        }
        return monitors;
    }

    /** Prometheus, when monitoring is on and it is installed. */
    public Optional<PrometheusServer> prometheus() {
        return Optional.ofNullable(prometheus);
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
