package io.relaybox.testkit.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.relaybox.platform.BrokerTimePolicy;
import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.platform.PostgresServer;

/**
 * The containers of the test kit's container backend, configured and not started: constructing one needs no Docker
 * engine (Testcontainers asks for one only at {@code start()}). Each runs what the local platform runs as a process, with
 * the same settings where the two share them ({@link PostgresServer#settings()}, {@link KafkaBroker#settings},
 * {@link ConnectWorker#settings()}). Their network aliases are docker-compose.yml's service names, which the connector
 * files name. {@link ContainerStack} puts them on one network and starts them.
 */
public final class ContainerDefinitions {

    public static final String POSTGRES_ALIAS = "postgres";
    public static final String CONNECT_ALIAS = "connect";
    public static final String ELASTICSEARCH_ALIAS = "elasticsearch";
    public static final String MINIO_ALIAS = "minio";

    public static final int POSTGRES_PORT = 5432;
    public static final int CONNECT_PORT = 8083;
    public static final int ELASTICSEARCH_PORT = 9200;
    public static final int MINIO_PORT = 9000;

    /** Where the other containers of the stack reach the broker (the host reaches it at its mapped port). */
    public static final String KAFKA_NETWORK_BOOTSTRAP = "kafka:19092";
    /** The plugin path of Debezium's Connect image: Debezium's connectors are there; this project's sinks are mounted next to them. */
    public static final String CONNECT_PLUGIN_PATH = "/kafka/connect";
    /** Elasticsearch's built-in superuser, whose password the container is given. */
    public static final String ELASTICSEARCH_SUPERUSER = "elastic";

    private static final Duration STARTUP = Duration.ofMinutes(3);

    /**
     * The variables Debezium's Connect image turns into worker properties itself; it sets the corresponding
     * {@code CONNECT_*} variable from them (with a default when they are absent), so setting {@code CONNECT_*} instead
     * would be overwritten.
     */
    private static final Map<String, String> CONNECT_IMAGE_VARIABLES = Map.of(
            "bootstrap.servers", "BOOTSTRAP_SERVERS",
            "group.id", "GROUP_ID",
            "config.storage.topic", "CONFIG_STORAGE_TOPIC",
            "offset.storage.topic", "OFFSET_STORAGE_TOPIC",
            "status.storage.topic", "STATUS_STORAGE_TOPIC",
            "key.converter", "KEY_CONVERTER",
            "value.converter", "VALUE_CONVERTER",
            "offset.flush.interval.ms", "OFFSET_FLUSH_INTERVAL_MS",
            "offset.flush.timeout.ms", "OFFSET_FLUSH_TIMEOUT_MS");

    private ContainerDefinitions() {
    }

    /**
     * PostgreSQL with the local server's settings ({@code wal_level=logical}, the slot limits, ...) passed as
     * {@code -c} options, the {@value PostgresEndpoint#SUPERUSER} superuser with this password; ready when the server
     * says so the second time (the image's entrypoint starts it once to initialise the cluster).
     */
    public static PostgreSQLContainer postgres(String superuserPassword) {
        List<String> command = new ArrayList<>(List.of("postgres"));
        for (String setting : PostgresServer.settings()) {
            command.add("-c");
            command.add(setting);
        }
        return new PostgreSQLContainer(ContainerImages.POSTGRES)
                .withUsername(PostgresEndpoint.SUPERUSER)
                .withPassword(superuserPassword)
                .withDatabaseName("postgres")
                .withNetworkAliases(POSTGRES_ALIAS)
                .withCommand(command.toArray(String[]::new))
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2).withStartupTimeout(STARTUP));
    }

    /**
     * Apache Kafka, one node as broker and controller (KRaft; Testcontainers' {@link KafkaContainer} sets the roles,
     * listeners and quorum), with the local broker's settings and time policy as {@code KAFKA_*} variables, and a listener
     * for the stack's network at {@value #KAFKA_NETWORK_BOOTSTRAP}.
     */
    public static KafkaContainer kafka(BrokerTimePolicy timePolicy) {
        Map<String, String> environment = new LinkedHashMap<>();
        KafkaBroker.settings(timePolicy).forEach((key, value) -> environment.put(kafkaVariable(key), value));
        return new KafkaContainer(ContainerImages.KAFKA)
                .withListener(KAFKA_NETWORK_BOOTSTRAP)
                .withEnv(environment)
                .waitingFor(Wait.forLogMessage(".*Transitioning from RECOVERY to RUNNING.*", 1).withStartupTimeout(STARTUP));
    }

    /**
     * A Kafka Connect worker from Debezium's image, with the local worker's settings (group, storage topics, converters,
     * config providers), each folder of these plugin folders' (for instance {@code connectors/<sink>/target/plugins})
     * mounted read-only into {@value #CONNECT_PLUGIN_PATH}, and the secrets the connectors read through the
     * {@code env} config provider in its environment. Its REST API takes no password, unlike the local worker's.
     *
     * @param bootstrapServers the broker as the container reaches it, normally {@value #KAFKA_NETWORK_BOOTSTRAP}
     * @param pluginFolders folders each holding one folder per plugin, see {@code PlatformLayout#sinkPluginFolders()}
     * @param secrets {@code RELAYBOX_*} variables for the connectors
     */
    public static GenericContainer<?> connect(String bootstrapServers, List<Path> pluginFolders, Map<String, String> secrets) {
        Map<String, String> settings = new LinkedHashMap<>(ConnectWorker.settings());
        settings.put("bootstrap.servers", bootstrapServers);
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((key, value) -> environment.put(connectVariable(key), value));
        secrets.forEach((name, value) -> {
            if (!name.matches(ConnectWorker.SECRET_VARIABLE_PATTERN)) {
                throw new IllegalArgumentException("the worker's env config provider reads only " + ConnectWorker.SECRET_VARIABLE_PATTERN
                        + ", not " + name);
            }
            environment.put(name, value);
        });
        GenericContainer<?> container = new GenericContainer<>(ContainerImages.CONNECT)
                .withNetworkAliases(CONNECT_ALIAS)
                .withExposedPorts(CONNECT_PORT)
                .withEnv(environment)
                .withCommand("start")
                .waitingFor(Wait.forHttp("/").forPort(CONNECT_PORT).forStatusCode(200).withStartupTimeout(STARTUP));
        for (Path plugin : plugins(pluginFolders)) {
            container.withFileSystemBind(plugin.toString(), CONNECT_PLUGIN_PATH + "/" + plugin.getFileName(), BindMode.READ_ONLY);
        }
        return container;
    }

    /**
     * Elasticsearch, a single node with security on as the local platform runs it (HTTP basic authentication, no TLS;
     * the container's user is the built-in {@value #ELASTICSEARCH_SUPERUSER} with this password, where the local
     * platform writes its own user into the file realm), 512 MB of heap; ready when the cluster is yellow or green.
     */
    public static GenericContainer<?> elasticsearch(String superuserPassword) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("discovery.type", "single-node");
        environment.put("xpack.security.enabled", "true");
        environment.put("xpack.security.http.ssl.enabled", "false");
        environment.put("xpack.security.transport.ssl.enabled", "false");
        // a nearly full disk of a developer machine must not turn the indices read-only
        environment.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        environment.put("ELASTIC_PASSWORD", superuserPassword);
        environment.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        return new GenericContainer<>(ContainerImages.ELASTICSEARCH)
                .withNetworkAliases(ELASTICSEARCH_ALIAS)
                .withExposedPorts(ELASTICSEARCH_PORT)
                .withEnv(environment)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=1s")
                        .forPort(ELASTICSEARCH_PORT)
                        .withBasicCredentials(ELASTICSEARCH_SUPERUSER, superuserPassword)
                        .forStatusCode(200)
                        .forResponsePredicate(body -> body.matches("(?s).*\"status\"\\s*:\\s*\"(green|yellow)\".*"))
                        .withStartupTimeout(STARTUP));
    }

    /**
     * MinIO serving {@code /data} over the S3 API; clients sign with this access key (its root user) and secret key.
     *
     * @throws IllegalArgumentException when MinIO would refuse the keys (user under 3, secret under 8 characters)
     */
    public static GenericContainer<?> minio(String accessKey, String secretKey) {
        if (accessKey.length() < 3 || secretKey.length() < 8) {
            throw new IllegalArgumentException("MinIO needs an access key of at least 3 and a secret key of at least 8 characters");
        }
        return new GenericContainer<>(ContainerImages.MINIO)
                .withNetworkAliases(MINIO_ALIAS)
                .withExposedPorts(MINIO_PORT)
                .withEnv(Map.of("MINIO_ROOT_USER", accessKey, "MINIO_ROOT_PASSWORD", secretKey))
                .withCommand("server", "/data")
                .waitingFor(Wait.forHttp("/minio/health/ready").forPort(MINIO_PORT).forStatusCode(200).withStartupTimeout(STARTUP));
    }

    /**
     * The variable of the Apache Kafka image for a broker property: {@code KAFKA_}, then the name in capitals with
     * {@code _} for {@code .}, {@code __} for {@code _} and {@code ___} for {@code -}.
     */
    static String kafkaVariable(String property) {
        return "KAFKA_" + property.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * The variable of Debezium's Connect image for a worker property: its own name for the few it manages, else
     * {@code CONNECT_} and the name in capitals with {@code _} for {@code .} (which cannot say {@code _} or {@code -}).
     */
    static String connectVariable(String property) {
        String own = CONNECT_IMAGE_VARIABLES.get(property);
        if (own != null) {
            return own;
        }
        if (!property.matches("[a-z0-9.]+")) {
            throw new IllegalArgumentException("Debezium's Connect image cannot set the worker property " + property);
        }
        return "CONNECT_" + property.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static List<Path> plugins(List<Path> pluginFolders) {
        List<Path> plugins = new ArrayList<>();
        for (Path folder : pluginFolders) {
            try (Stream<Path> children = Files.list(folder)) {
                List<Path> found = children.filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
                if (found.isEmpty()) {
                    throw new IllegalStateException(folder + " holds no plugin folder: build the connectors first (mvn -DskipTests package)");
                }
                plugins.addAll(found);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the plugin folder " + folder, e);
            }
        }
        return plugins;
    }
}
