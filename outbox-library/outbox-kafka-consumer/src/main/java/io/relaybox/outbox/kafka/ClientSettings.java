package io.relaybox.outbox.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.relaybox.outbox.OutboxConfigurationException;

/** The configurations of the consumer, the dead-letter producer and the admin client, with the settings they need. */
record ClientSettings(Map<String, Object> consumer, Map<String, Object> producer, Map<String, Object> admin) {

    static ClientSettings of(String bootstrapServers, String groupId, Map<String, Object> common,
            Map<String, Object> consumerOverrides, Map<String, Object> producerOverrides) {
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.putAll(common);
        consumer.putAll(consumerOverrides);
        require(consumer, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                "offsets are committed only after the database transaction");
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        consumer.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-dlq");
        // a missing dead-letter topic blocks the poll thread this long per attempt (then it is retried)
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer.putAll(common);
        producer.putAll(producerOverrides);
        require(producer, ProducerConfig.ACKS_CONFIG, "all", "a dead letter must be durable before its offset commits");
        require(producer, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", "retries must not reorder dead letters");
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producer.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

        Map<String, Object> admin = new HashMap<>(common);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new ClientSettings(Map.copyOf(consumer), Map.copyOf(producer), Map.copyOf(admin));
    }

    /** Sets a value the consumer depends on; an override to anything else is refused, naming why. */
    private static void require(Map<String, Object> config, String key, String value, String why) {
        Object configured = config.get(key);
        if (configured != null && !value.equalsIgnoreCase(String.valueOf(configured))) {
            throw new OutboxConfigurationException("outbox.inbox.kafka: " + key + " must be " + value + " (" + why
                    + "), was: " + configured);
        }
        config.put(key, value);
    }
}
