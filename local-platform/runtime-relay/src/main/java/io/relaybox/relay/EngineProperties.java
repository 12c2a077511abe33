package io.relaybox.relay;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded engine's settings for one connector file: the connector's own settings as Kafka Connect gets them,
 * minus what only a Connect worker reads (exactly-once source, producer overrides, topic creation: the relay does
 * those itself), plus what a worker would otherwise supply: the engine's name (the connector's), and the offsets in a
 * Kafka topic, flushed after every batch Kafka acknowledged.
 */
final class EngineProperties {

    /** Settings a Connect worker reads for the connector, which mean nothing to the engine. */
    private static final Set<String> WORKER_ONLY = Set.of("exactly.once.support", "transaction.boundary", "tasks.max");
    private static final Set<String> WORKER_ONLY_PREFIXES = Set.of("producer.override.", "consumer.override.", "admin.override.",
            "topic.creation.");

    private EngineProperties() {
    }

    static Properties of(String connectorName, Map<String, String> connectorConfig, RelaySettings settings) {
        Properties properties = new Properties();
        connectorConfig.forEach((key, value) -> {
            if (!WORKER_ONLY.contains(key) && WORKER_ONLY_PREFIXES.stream().noneMatch(key::startsWith)) {
                properties.setProperty(key, value);
            }
        });
        properties.setProperty("name", connectorName);
        properties.setProperty("bootstrap.servers", settings.bootstrapServers());
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        properties.setProperty("offset.storage.topic", settings.offsetsTopic());
        properties.setProperty("offset.storage.partitions", "1");
        properties.setProperty("offset.storage.replication.factor", Short.toString(settings.replicationFactor()));
        // the relay marks a batch processed only once Kafka acknowledged it, then the engine flushes its offsets
        properties.setProperty("offset.flush.interval.ms", "0");
        properties.setProperty("offset.flush.timeout.ms", "30000");
        properties.setProperty("record.processing.order", "ORDERED");
        return properties;
    }
}
