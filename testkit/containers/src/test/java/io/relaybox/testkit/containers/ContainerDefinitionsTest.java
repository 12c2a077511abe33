package io.relaybox.testkit.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.LogMessageWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.images.RemoteDockerImage;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;

import io.relaybox.platform.BrokerTimePolicy;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.PostgresServer;

/**
 * The container definitions, read back from the configured containers: none is started, and no Docker engine is
 * needed (none answers on the machine these tests were written on). What a started container then does is not tested
 * here.
 */
class ContainerDefinitionsTest {

    private static final Path HOME = PlatformLayout.detect().home();

    @Test
    void runsTheImagesOfTheVersionsTheRootPomPins() throws IOException {
        String pom = Files.readString(HOME.resolve("pom.xml"));

        assertThat(ContainerImages.POSTGRES.asCanonicalNameString()).isEqualTo("postgres:" + property(pom, "postgres-image.tag"));
        assertThat(ContainerImages.KAFKA.asCanonicalNameString()).isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(ContainerImages.CONNECT.asCanonicalNameString()).isEqualTo("quay.io/debezium/connect:" + property(pom, "debezium.version"));
        assertThat(ContainerImages.ELASTICSEARCH.asCanonicalNameString())
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + property(pom, "elasticsearch.version"));
        assertThat(ContainerImages.MINIO.asCanonicalNameString()).isEqualTo("minio/minio:" + property(pom, "minio-image.tag"));
    }

    @Test
    void runsTheImagesDockerComposeRuns() throws IOException {
        String compose = Files.readString(HOME.resolve("docker-compose.yml"));

        assertThat(compose).contains("image: " + ContainerImages.POSTGRES.asCanonicalNameString() + "\n",
                "image: " + ContainerImages.KAFKA.asCanonicalNameString() + "\n",
                "image: " + ContainerImages.CONNECT.asCanonicalNameString() + "\n",
                "image: " + ContainerImages.MINIO.asCanonicalNameString() + "\n",
                "image: docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION:-"
                        + ContainerImages.ELASTICSEARCH.getVersionPart() + "}\n");
    }

    @Test
    void postgresRunsWithLogicalDecodingAndTheLocalServersSettings() {
        PostgreSQLContainer postgres = ContainerDefinitions.postgres("secret-pw");

        assertThat(image(postgres)).isEqualTo("postgres:15");
        assertThat(postgres.getCommandParts()).startsWith("postgres", "-c", "wal_level=logical");
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < postgres.getCommandParts().length; i += 2) {
            assertThat(postgres.getCommandParts()[i]).isEqualTo("-c");
            settings.add(postgres.getCommandParts()[i + 1]);
        }
        assertThat(settings).isEqualTo(PostgresServer.settings()).contains("max_replication_slots=20", "max_wal_senders=20");
        assertThat(postgres.getUsername()).isEqualTo("postgres");
        assertThat(postgres.getPassword()).isEqualTo("secret-pw");
        assertThat(postgres.getDatabaseName()).isEqualTo("postgres");
        assertThat(postgres.getExposedPorts()).containsExactly(5432);
        assertThat(postgres.getNetworkAliases()).contains("postgres");
        assertThat(postgres.getBinds()).isEmpty();
        assertLogWait(postgres, ".*database system is ready to accept connections.*\\s", 2);
    }

    @Test
    void kafkaRunsOneKraftNodeWithTheLocalBrokersSettingsAndTimePolicy() {
        KafkaContainer kafka = ContainerDefinitions.kafka(BrokerTimePolicy.TESTS);
        Map<String, String> env = kafka.getEnvMap();

        assertThat(image(kafka)).startsWith("apache/kafka:4.");
        // KRaft: broker and controller in one node, a quorum of itself, no ZooKeeper
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_NODE_ID", "1")
                .containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .containsKeys("KAFKA_CONTROLLER_QUORUM_VOTERS", "CLUSTER_ID")
                .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(env).containsEntry("KAFKA_NUM_PARTITIONS", "6")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "6")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .containsEntry("KAFKA_LOG_RETENTION_MS", Long.toString(Duration.ofDays(7).toMillis()))
                .containsEntry("KAFKA_LOG_MESSAGE_TIMESTAMP_BEFORE_MAX_MS", Long.toString(Duration.ofDays(1).toMillis()));
        assertThat(kafka.getExposedPorts()).containsExactly(9092);
        assertThat(kafka.getBinds()).isEmpty();
        assertLogWait(kafka, ".*Transitioning from RECOVERY to RUNNING.*", 1);
    }

    @Test
    void namesKafkaPropertiesTheWayTheApacheImageReadsThem() {
        assertThat(ContainerDefinitions.kafkaVariable("log.retention.ms")).isEqualTo("KAFKA_LOG_RETENTION_MS");
        assertThat(ContainerDefinitions.kafkaVariable("a_b-c.d")).isEqualTo("KAFKA_A__B___C_D");
    }

    @Test
    void connectRunsDebeziumsImageWithTheLocalWorkersSettingsAndTheSinkPluginsMounted(@TempDir Path build) throws IOException {
        Path elasticsearchPlugins = Files.createDirectories(build.resolve("elasticsearch-sink/target/plugins"));
        Path archivePlugins = Files.createDirectories(build.resolve("s3-archive-sink/target/plugins"));
        Files.createDirectories(elasticsearchPlugins.resolve("relaybox-elasticsearch-sink"));
        Files.createDirectories(archivePlugins.resolve("relaybox-s3-archive-sink"));
        Files.writeString(archivePlugins.resolve("relaybox-s3-archive-sink.zip"), "not a folder: not mounted");

        GenericContainer<?> connect = ContainerDefinitions.connect("kafka:19092", List.of(elasticsearchPlugins, archivePlugins),
                Map.of("RELAYBOX_S3_SECRET_KEY", "s3-secret"));
        Map<String, String> env = connect.getEnvMap();

        assertThat(image(connect)).startsWith("quay.io/debezium/connect:3.");
        assertThat(env).containsEntry("BOOTSTRAP_SERVERS", "kafka:19092")
                .containsEntry("GROUP_ID", "relaybox-connect")
                .containsEntry("CONFIG_STORAGE_TOPIC", "relaybox-connect-configs")
                .containsEntry("OFFSET_STORAGE_TOPIC", "relaybox-connect-offsets")
                .containsEntry("STATUS_STORAGE_TOPIC", "relaybox-connect-status")
                .containsEntry("KEY_CONVERTER", "org.apache.kafka.connect.storage.StringConverter")
                .containsEntry("VALUE_CONVERTER", "org.apache.kafka.connect.storage.StringConverter")
                .containsEntry("OFFSET_FLUSH_INTERVAL_MS", "1000")
                .containsEntry("CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR", "-1")
                .containsEntry("CONNECT_CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY", "All")
                .containsEntry("CONNECT_TOPIC_CREATION_ENABLE", "true")
                .containsEntry("CONNECT_CONFIG_PROVIDERS", "env,file")
                .containsEntry("CONNECT_CONFIG_PROVIDERS_ENV_CLASS", "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
                .containsEntry("CONNECT_CONFIG_PROVIDERS_ENV_PARAM_ALLOWLIST_PATTERN", "^RELAYBOX_.*")
                .containsEntry("RELAYBOX_S3_SECRET_KEY", "s3-secret");
        // the image sets these from its own variables: set directly they would be overwritten
        assertThat(env).doesNotContainKeys("CONNECT_GROUP_ID", "CONNECT_BOOTSTRAP_SERVERS", "CONNECT_KEY_CONVERTER",
                "CONNECT_OFFSET_FLUSH_INTERVAL_MS", "CONNECT_PLUGIN_PATH");
        assertThat(connect.getBinds()).extracting(ContainerDefinitionsTest::describe).containsExactly(
                elasticsearchPlugins.resolve("relaybox-elasticsearch-sink") + " -> /kafka/connect/relaybox-elasticsearch-sink (ro)",
                archivePlugins.resolve("relaybox-s3-archive-sink") + " -> /kafka/connect/relaybox-s3-archive-sink (ro)");
        assertThat(connect.getCommandParts()).containsExactly("start");
        assertThat(connect.getExposedPorts()).containsExactly(8083);
        assertThat(connect.getNetworkAliases()).contains("connect");
        assertHttpWait(connect, "/", 8083);
    }

    @Test
    void connectHandsTheWorkerOnlySecretsItsEnvProviderMayRead(@TempDir Path plugins) throws IOException {
        Files.createDirectories(plugins.resolve("a-plugin"));

        assertThatThrownBy(() -> ContainerDefinitions.connect("kafka:19092", List.of(plugins), Map.of("AWS_SECRET_ACCESS_KEY", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void connectRefusesAPluginFolderWithoutPlugins(@TempDir Path plugins) {
        assertThatThrownBy(() -> ContainerDefinitions.connect("kafka:19092", List.of(plugins), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no plugin folder");
    }

    @Test
    void namesConnectPropertiesTheWayDebeziumsImageReadsThem() {
        assertThat(ContainerDefinitions.connectVariable("group.id")).isEqualTo("GROUP_ID");
        assertThat(ContainerDefinitions.connectVariable("status.storage.partitions")).isEqualTo("CONNECT_STATUS_STORAGE_PARTITIONS");
        assertThatThrownBy(() -> ContainerDefinitions.connectVariable("some_setting")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elasticsearchRunsOneNodeWithBasicAuthenticationAndNoTls() {
        GenericContainer<?> elasticsearch = ContainerDefinitions.elasticsearch("es-pw");

        assertThat(image(elasticsearch)).startsWith("docker.elastic.co/elasticsearch/elasticsearch:8.19.");
        assertThat(elasticsearch.getEnvMap()).containsEntry("discovery.type", "single-node")
                .containsEntry("xpack.security.enabled", "true")
                .containsEntry("xpack.security.http.ssl.enabled", "false")
                .containsEntry("xpack.security.transport.ssl.enabled", "false")
                .containsEntry("ELASTIC_PASSWORD", "es-pw")
                .containsEntry("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        assertThat(elasticsearch.getExposedPorts()).containsExactly(9200);
        assertThat(elasticsearch.getCommandParts()).isEmpty();
        assertThat(elasticsearch.getBinds()).isEmpty();
        HttpWaitStrategy wait = assertHttpWait(elasticsearch, "/_cluster/health?wait_for_status=yellow&timeout=1s", 9200);
        assertThat(wait).extracting("username", "password").containsExactly("elastic", "es-pw");
    }

    @Test
    void minioServesItsDataFolderWithTheGivenKeys() {
        GenericContainer<?> minio = ContainerDefinitions.minio("relaybox", "s3-secret-key");

        assertThat(image(minio)).startsWith("minio/minio:RELEASE.");
        assertThat(minio.getEnvMap()).containsEntry("MINIO_ROOT_USER", "relaybox").containsEntry("MINIO_ROOT_PASSWORD", "s3-secret-key");
        assertThat(minio.getCommandParts()).containsExactly("server", "/data");
        assertThat(minio.getExposedPorts()).containsExactly(9000);
        assertThat(minio.getNetworkAliases()).contains("minio");
        assertHttpWait(minio, "/minio/health/ready", 9000);
    }

    @Test
    void minioRefusesKeysItWouldNotStartWith() {
        assertThatThrownBy(() -> ContainerDefinitions.minio("relaybox", "short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8");
    }

    @Test
    void aStackWithConnectNeedsKafka() {
        assertThatThrownBy(() -> ContainerStack.start(java.util.EnumSet.of(ContainerStack.Service.CONNECT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAFKA");
    }

    private static String describe(Bind bind) {
        return bind.getPath() + " -> " + bind.getVolume().getPath() + " (" + (bind.getAccessMode() == AccessMode.ro ? "ro" : "rw") + ")";
    }

    private static void assertLogWait(GenericContainer<?> container, String regex, int times) {
        assertThat(waitStrategy(container)).isInstanceOf(LogMessageWaitStrategy.class).extracting("regEx", "times")
                .containsExactly(regex, times);
    }

    private static HttpWaitStrategy assertHttpWait(GenericContainer<?> container, String path, int port) {
        WaitStrategy wait = waitStrategy(container);
        assertThat(wait).isInstanceOf(HttpWaitStrategy.class).extracting("path", "statusCodes", "livenessPort")
                .containsExactly(path, java.util.Set.of(200), java.util.Optional.of(port));
        return (HttpWaitStrategy) wait;
    }

    /**
     * The image the container would run. {@code getDockerImageName()} asks the Docker engine to resolve it (pulling it
     * if need be); the name as configured sits in a private field of the image, read here by reflection.
     */
    private static String image(GenericContainer<?> container) {
        try {
            java.lang.reflect.Field field = RemoteDockerImage.class.getDeclaredField("imageNameFuture");
            field.setAccessible(true);
            return ((java.util.concurrent.Future<?>) field.get(container.getImage())).get().toString();
        } catch (ReflectiveOperationException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("Testcontainers no longer keeps the image name in RemoteDockerImage.imageNameFuture", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The container's wait strategy: Testcontainers keeps it behind a protected getter and private fields, read here by reflection. */
    private static WaitStrategy waitStrategy(GenericContainer<?> container) {
        try {
            Method getter = GenericContainer.class.getDeclaredMethod("getWaitStrategy");
            getter.setAccessible(true);
            return (WaitStrategy) getter.invoke(container);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Testcontainers no longer has GenericContainer.getWaitStrategy()", e);
        }
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("property %s in pom.xml", name).isTrue();
        return matcher.group(1);
    }
}
