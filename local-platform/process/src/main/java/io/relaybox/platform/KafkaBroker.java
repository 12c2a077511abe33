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

/**
 * One KRaft Kafka node (broker and controller in one JVM) on loopback, with its own data folder: alone, or one of the
 * nodes of a cluster whose controllers form a static quorum and share one cluster id.
 */
public final class KafkaBroker {

    /**
     * Where a node of the cluster listens.
     *
     * @param id its {@code node.id}, 1-based
     * @param port its client listener
     * @param controllerPort its controller listener
     */
    public record Node(int id, int port, int controllerPort) {

        /** The node as {@code controller.quorum.voters} lists it. */
        String voter() {
            return id + "@127.0.0.1:" + controllerPort;
        }
    }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The transaction protocol of a cluster: version 1, not 4.3's default 2 (KIP-890). With version 2, losing a broker
     * under load left Connect's exactly-once source task FAILED (the coordinator's {@code EndTxn} threw
     * {@code IllegalStateException} from {@code PREPARE_EPOCH_FENCE}) and Kafka Streams' producer answered
     * {@code CONCURRENT_TRANSACTIONS} for minutes.
     */
    static final int CLUSTER_TRANSACTION_VERSION = 1;

    private final Path folder;
    private final Path classpath;
    private final Node node;
    private final List<Node> cluster;
    private final Path clusterIdFile;
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
        this(folder, classpath, new Node(1, port, controllerPort), List.of(new Node(1, port, controllerPort)), null, logFile, timePolicy,
                metricsAgent);
    }

    /**
     * One node of a cluster (alone when the cluster is just this node).
     *
     * @param node this node
     * @param cluster every node, this one among them: their controllers are the quorum's voters
     * @param clusterIdFile where the cluster's id is kept, written by the first node prepared (null: a node alone)
     * @param metricsAgent the JMX exporter agent, or null for none
     */
    public KafkaBroker(Path folder, Path classpath, Node node, List<Node> cluster, Path clusterIdFile, Path logFile,
            BrokerTimePolicy timePolicy, MetricsAgent metricsAgent) {
        if (!cluster.contains(node)) {
            throw new IllegalArgumentException("node " + node + " is not one of the cluster's " + cluster);
        }
        if (cluster.size() > 1 && clusterIdFile == null) {
            throw new IllegalArgumentException("the nodes of a cluster share an id: give its file");
        }
        this.metricsAgent = metricsAgent;
        this.folder = folder.toAbsolutePath();
        this.timePolicy = timePolicy;
        this.classpath = classpath;
        this.node = node;
        this.cluster = List.copyOf(cluster);
        this.clusterIdFile = clusterIdFile;
        this.port = node.port();
        this.controllerPort = node.controllerPort();
        this.process = new ManagedProcess(new ProcessSpec(ClusterShape.brokerName(node.id()), command(metricsAgent, "kafka.Kafka",
                configFile().toString()), Map.of(), this.folder, logFile, StopSignal.TERM, STOP_TIMEOUT, bootstrapServers()),
                this::answersMetadata);
    }

    /** This node's {@code node.id}. */
    public int nodeId() {
        return node.id();
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
        return settings(timePolicy, ClusterShape.SINGLE);
    }

    /**
     * The settings of every broker of a cluster of this shape: every topic (the platform's, Connect's, the consumer
     * offsets, the transaction state) gets the shape's replication factor, and a write needs its minimum in-sync
     * replicas.
     */
    public static Map<String, String> settings(BrokerTimePolicy timePolicy, ClusterShape shape) {
        String replicas = Short.toString(shape.replicationFactor());
        String insync = Integer.toString(shape.minInsyncReplicas());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("num.partitions", "6");
        // topics come from their owners (Connect's topic creation, the services), never from a typo
        settings.put("auto.create.topics.enable", "false");
        // a topic created without a replication factor (-1: Connect's, the connectors', Kafka Streams') gets the cluster's
        settings.put("default.replication.factor", replicas);
        settings.put("min.insync.replicas", insync);
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("offsets.topic.num.partitions", "6");
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", insync);
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        settings.put("share.coordinator.state.topic.min.isr", insync);
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("log.segment.bytes", "134217728");
        settings.putAll(timePolicy.brokerSettings());
        return Collections.unmodifiableMap(settings);
    }

    /** The broker's configuration file's text (visible for testing). */
    String configuration() {
        String quorum = cluster.size() == 1
                ? "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort
                : "controller.quorum.voters=" + cluster.stream().map(Node::voter).collect(java.util.stream.Collectors.joining(","));
        StringBuilder text = new StringBuilder(String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                quorum,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + folder.resolve("data"),
                ""));
        settings(timePolicy, new ClusterShape(cluster.size(), 1)).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private void format() throws IOException {
        // a node alone starts a dynamic quorum of itself; the nodes of a cluster share an id and a static quorum
        List<String> command = cluster.size() == 1
                ? command(null, "kafka.tools.StorageTool", "format", "--config", configFile().toString(),
                        "--cluster-id", Uuid.randomUuid().toString(), "--standalone", "--ignore-formatted")
                : command(null, "kafka.tools.StorageTool", "format", "--config", configFile().toString(),
                        "--cluster-id", clusterId(), "--feature", "transaction.version=" + CLUSTER_TRANSACTION_VERSION, "--ignore-formatted");
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

    /** The cluster's id: the one its file holds, or a new one written there by the first node formatted. */
    private String clusterId() throws IOException {
        synchronized (KafkaBroker.class) {
            if (Files.exists(clusterIdFile)) {
                return Files.readString(clusterIdFile).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(clusterIdFile.toAbsolutePath().getParent());
            Files.writeString(clusterIdFile, id + "\n");
            return id;
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
