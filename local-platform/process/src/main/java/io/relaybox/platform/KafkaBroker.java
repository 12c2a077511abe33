package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft Kafka (broker and controller in one JVM) on loopback, with its own data folder. */
public final class KafkaBroker {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path folder;
    private final Path classpath;
    private final int port;
    private final int controllerPort;
    private final BrokerTimePolicy timePolicy;
    private final ManagedProcess process;
    private final MetricsAgent metricsAgent;

    /**
     * @param folder the broker's folder (configuration and data), created on first start
     * @param classpath the folder of the broker's jars
     * @param timePolicy retention and the oldest record time accepted
     */
    public KafkaBroker(Path folder, Path classpath, int port, int controllerPort, Path logFile, BrokerTimePolicy timePolicy) {
        this(folder, classpath, port, controllerPort, logFile, timePolicy, null);
    }

    /**
     * A broker whose MBeans the metrics agent serves to Prometheus.
     *
     * @param metricsAgent the JMX exporter agent, or null for none
     */
    public KafkaBroker(Path folder, Path classpath, int port, int controllerPort, Path logFile, BrokerTimePolicy timePolicy,
            MetricsAgent metricsAgent) {
        this.metricsAgent = metricsAgent;
        this.folder = folder.toAbsolutePath();
        this.timePolicy = timePolicy;
        this.classpath = classpath;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = new ManagedProcess(new ProcessSpec("kafka", command(metricsAgent, "kafka.Kafka", configFile().toString()), Map.of(),
                this.folder, logFile, StopSignal.TERM, STOP_TIMEOUT, bootstrapServers()), this::answersMetadata);
    }

    /** Writes the configuration, formats the log folder on first use, starts the broker and waits until it serves. */
    public void start(Duration timeout) {
        prepare();
        process.startAndAwaitReady(timeout);
    }

    /** Writes the configuration and formats the storage; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        JavaCommand.createTempFolder(tempFolder());
        try {
            Files.createDirectories(folder.resolve("data"));
            Log4jConfig.write(folder);
            Files.writeString(configFile(), configuration());
            if (!Files.exists(folder.resolve("data/meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new PlatformException("cannot prepare Kafka in " + folder + ": " + e.getMessage(), e);
        }
    }

    public void stop() {
        process.stop();
    }

    public ManagedProcess process() {
        return process;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The metrics agent serving the broker's MBeans, if it has one. */
    public java.util.Optional<MetricsAgent> metricsAgent() {
        return java.util.Optional.ofNullable(metricsAgent);
    }

    /** Where clients reach the broker. */
    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint(bootstrapServers());
    }

    /**
     * The settings of every broker the project runs, a process here or a container elsewhere, apart from its roles,
     * listeners and folders: one node's replication factors, partitions, no topic made by a typo, and the time policy.
     */
    public static Map<String, String> settings(BrokerTimePolicy timePolicy) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("num.partitions", "6");
        // topics come from their owners (Connect's topic creation, the services), never from a typo
        settings.put("auto.create.topics.enable", "false");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "6");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("log.segment.bytes", "134217728");
        settings.putAll(timePolicy.brokerSettings());
        return Collections.unmodifiableMap(settings);
    }

    /** The broker's configuration file's text (visible for testing). */
    String configuration() {
        StringBuilder text = new StringBuilder(String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + folder.resolve("data"),
                ""));
        settings(timePolicy).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private void format() throws IOException {
        List<String> command = command(null, "kafka.tools.StorageTool", "format", "--config", configFile().toString(),
                "--cluster-id", Uuid.randomUuid().toString(), "--standalone", "--ignore-formatted");
        Process run = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(process.spec().logFile().toFile())).start();
        try {
            if (!run.waitFor(120, TimeUnit.SECONDS) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new PlatformException("formatting Kafka's storage failed; " + LogTail.of(process.spec().logFile(), 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while formatting Kafka's storage", e);
        }
    }

    private List<String> command(MetricsAgent agent, String mainClass, String... arguments) {
        return JavaCommand.java()
                .heap("1g")
                .agent(agent)
                .tempFolder(tempFolder())
                .option("-XX:+UseG1GC")
                .option("-XX:MaxGCPauseMillis=20")
                .systemProperty("log4j2.configurationFile", folder.resolve("log4j2.properties"))
                .systemProperty("kafka.logs.dir", folder.resolve("logs"))
                .classpathFolder(classpath)
                .mainClass(mainClass, arguments)
                .build();
    }

    private Path configFile() {
        return folder.resolve("server.properties");
    }

    private boolean answersMetadata() throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4, TimeUnit.SECONDS).isEmpty();
        }
    }

    private Path tempFolder() {
        return folder.resolve("tmp");
    }
}
