package io.relaybox.connect.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.relaybox.connect.elasticsearch.client.ConnectionSettings;
import io.relaybox.connect.elasticsearch.client.ElasticsearchClients;
import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorApplier;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.ElasticsearchServer;
import io.relaybox.platform.FreePort;
import io.relaybox.platform.KafkaBroker;
import io.relaybox.platform.PlatformLayout;

/**
 * Elasticsearch (basic authentication over HTTPS), the run's shared Kafka broker and a Kafka Connect worker whose
 * plugin.path holds this module's plugin folder (target/plugins), as real processes with data under target/it-sink.
 */
final class SinkStack implements AutoCloseable {

    static final String ES_USER = "relaybox";
    static final String PASSWORD_VARIABLE = "RELAYBOX_ELASTICSEARCH_PASSWORD";
    private static final Path FOLDER = Path.of("target", "it-sink").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final ElasticsearchBoot boot;
    private final ElasticsearchServer elasticsearch;
    private final KafkaBroker kafka;
    private final ConnectWorker connect;
    private ElasticsearchClient client;

    /**
     * Elasticsearch started (not yet ready) before Kafka, so that its long start overlaps Kafka's; closed after Kafka, by
     * being stored in the run's store before it.
     */
    static final class ElasticsearchBoot implements AutoCloseable {

        private final String password = "es-" + Long.toHexString(System.nanoTime());
        private final ElasticsearchServer server;

        private ElasticsearchBoot() {
            deleteRecursively(FOLDER);
            server = ElasticsearchServer.create(PlatformLayout.detect().elasticsearchHome(), FOLDER.resolve("elasticsearch"), FreePort.any(),
                    FreePort.any(), FOLDER.resolve("elasticsearch.log"),
                    ElasticsearchServer.Security.basicAuthWithTls(new ElasticsearchServer.Credentials(ES_USER, password)));
        }

        static ElasticsearchBoot begin() {
            ElasticsearchBoot boot = new ElasticsearchBoot();
            boot.server.prepare();
            boot.server.process().start();
            return boot;
        }

        @Override
        public void close() {
            try {
                server.stop();
            } finally {
                if (server.process().isAlive()) {
                    server.process().kill();
                }
                // the data and the distribution copy may live outside target/ (a clone in a private folder): leave nothing
                server.deleteData();
                ElasticsearchServer.deleteDistributionCopyFor(FOLDER.resolve("elasticsearch"));
            }
        }
    }

    private SinkStack(ElasticsearchBoot boot, KafkaBroker kafka) {
        this.boot = boot;
        this.kafka = kafka;
        this.elasticsearch = boot.server;
        this.connect = new ConnectWorker(FOLDER.resolve("connect"), PlatformLayout.detect().connectClasspath(), List.of(pluginFolder()),
                kafka.bootstrapServers(), FreePort.any(), FOLDER.resolve("connect.log"), Map.of(PASSWORD_VARIABLE, boot.password),
                new ConnectWorker.Credentials("test", "connect-" + Long.toHexString(System.nanoTime())));
    }

    /** Starts the worker, waits until Elasticsearch is ready; on failure stops the worker. */
    static SinkStack start(ElasticsearchBoot boot, KafkaBroker kafka) {
        SinkStack stack = new SinkStack(boot, kafka);
        try {
            stack.connect.start(START_TIMEOUT);
            stack.elasticsearch.process().awaitReady(START_TIMEOUT);
            stack.client = ElasticsearchClients.create(stack.connectionSettings());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    static Path pluginFolder() {
        Path folder = Path.of("target", "plugins").toAbsolutePath();
        if (!Files.isDirectory(folder.resolve("relaybox-elasticsearch-sink"))) {
            throw new IllegalStateException(folder + " holds no plugin folder: run the integration tests through Maven (mvn verify)");
        }
        return folder;
    }

    ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    ConnectWorker connect() {
        return connect;
    }

    ConnectClient connectClient() {
        return connect.client();
    }

    /** A client of Elasticsearch as the platform's user, for assertions. */
    ElasticsearchClient es() {
        return client;
    }

    ConnectionSettings connectionSettings() {
        return ConnectionSettings.of(List.of(URI.create(elasticsearch.url()))).withBasicAuth(ES_USER, boot.password)
                .trusting(elasticsearch.caCertificate().orElseThrow().toString());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The password of {@link #ES_USER}: what the worker must never write to its log. */
    String elasticsearchPassword() {
        return boot.password;
    }

    /** The processes of the stack by name (Elasticsearch, Kafka, Connect), for CPU accounting. */
    Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        processes.put("elasticsearch", ProcessHandle.of(elasticsearch.process().pid()).orElseThrow());
        processes.put("kafka", ProcessHandle.of(kafka.process().pid()).orElseThrow());
        processes.put("connect", ProcessHandle.of(connect.process().pid()).orElseThrow());
        return processes;
    }

    /** The worker's log file (stdout and stderr). */
    Path workerLog() {
        return connect.process().spec().logFile();
    }

    /**
     * The shipped connector file (connect-config/connectors/elasticsearch-sink.json) with this stack's URL and CA, and the
     * settings of one test.
     */
    ConnectorDefinition connector(String name, Map<String, String> settings) {
        ConnectorDefinition shipped = ConnectorDefinition.read(PlatformLayout.detect().home().resolve("connect-config/connectors/elasticsearch-sink.json"));
        Map<String, String> config = new LinkedHashMap<>(shipped.config());
        // the file subscribes to every event topic by topics.regex; each test names the topics it reads
        config.remove("topics.regex");
        config.put("connection.urls", elasticsearch.url());
        config.put("connection.ssl.ca.certificate.location", elasticsearch.caCertificate().orElseThrow().toString());
        config.putAll(settings);
        return new ConnectorDefinition(name, config);
    }

    /** Validates the connector with the worker and creates it, as the platform does; waits until its tasks run. */
    void register(ConnectorDefinition connector) {
        ConnectorApplier.to(connectClient()).withEnvironment(Map.of(PASSWORD_VARIABLE, boot.password)).apply(List.of(connector));
        connectClient().awaitRunning(connector.name(), Duration.ofSeconds(60));
    }

    void createTopics(int partitions, String... topics) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, partitions, (short) 1));
            }
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + List.of(topics) + ": " + e, e);
        }
    }

    KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Stops the worker; Elasticsearch stops with its {@link ElasticsearchBoot}. */
    @Override
    public void close() {
        ElasticsearchClients.close(client);
        try {
            connect.stop();
        } finally {
            if (connect.process().isAlive()) {
                connect.process().kill();
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
