package io.relaybox.relay;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.embedded.Connect;
import io.debezium.engine.spi.OffsetCommitPolicy;

/**
 * One connector file run by the embedded engine on a thread of its own, with its own producer: its records go to Kafka
 * as the connector file's converters write them ({@link KafkaPublisher}), its offsets to the relay's offsets topic.
 */
final class RelayedConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayedConnector.class);

    private final String name;
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService thread;
    private final ConnectorProgress progress;
    private final CompletableFuture<String> stopped = new CompletableFuture<>();

    RelayedConnector(String name, Map<String, String> connectorConfig, RelaySettings settings) {
        this.name = name;
        this.progress = new ConnectorProgress();
        this.producer = new KafkaProducer<>(producerSettings(name, connectorConfig, settings), new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "relay-" + name + "-admin"));
        KafkaPublisher publisher = new KafkaPublisher(producer, RecordConversion.of(connectorConfig),
                new TopicCreation(admin, connectorConfig, settings.replicationFactor()), progress);
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(EngineProperties.of(name, connectorConfig, settings))
                .using(OffsetCommitPolicy.always())
                .notifying(publisher)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        progress.state(ConnectorProgress.State.RUNNING);
                        LOG.info("{} streams from the WAL", name);
                    }
                })
                .using((success, message, error) -> {
                    if (success) {
                        progress.state(ConnectorProgress.State.STOPPED);
                    } else {
                        progress.failed(message + (error == null ? "" : ": " + error));
                        LOG.error("{} stopped: {}", name, message, error);
                    }
                    stopped.complete(success ? null : message);
                })
                .build();
        this.thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "relay-" + name));
    }

    /**
     * The producer settings: the connector file's {@code producer.override.*} (batching, compression), then what the
     * relay's guarantee needs: every replica acknowledges, and the producer is idempotent (a retried send is written once,
     * in order). It is not transactional: the offsets go through the engine's own store after the acknowledgement.
     */
    static Map<String, Object> producerSettings(String name, Map<String, String> connectorConfig, RelaySettings settings) {
        Map<String, Object> producer = new HashMap<>();
        connectorConfig.forEach((key, value) -> {
            if (key.startsWith("producer.override.")) {
                producer.put(key.substring("producer.override.".length()), value);
            }
        });
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "relay-" + name);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producer.remove(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return producer;
    }

    void start() {
        thread.execute(engine);
    }

    /** Completes when the engine stopped: with null after a clean stop, else with why it failed. */
    CompletableFuture<String> stopped() {
        return stopped;
    }

    ConnectorProgress progress() {
        return progress;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } catch (IOException e) {
            LOG.warn("{}: the engine did not close cleanly: {}", name, e.toString());
        }
        thread.shutdown();
        producer.close();
        admin.close();
    }
}
