package io.relaybox.relay;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates a topic the first time a record goes to it, as a Connect worker does for a connector with
 * {@code topic.creation.default.partitions} and {@code topic.creation.default.replication.factor}; without them the
 * broker's own rules apply.
 */
final class TopicCreation {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final Optional<Integer> partitions;
    private final short replicationFactor;
    private final Set<String> known = new HashSet<>();

    TopicCreation(Admin admin, Map<String, String> connectorConfig, short defaultReplicationFactor) {
        this.admin = admin;
        this.partitions = Optional.ofNullable(connectorConfig.get("topic.creation.default.partitions")).map(Integer::valueOf);
        this.replicationFactor = Optional.ofNullable(connectorConfig.get("topic.creation.default.replication.factor")).map(Short::valueOf)
                .filter(factor -> factor > 0).orElse(defaultReplicationFactor);
        // -1 (or less): the broker's default.replication.factor
    }

    void ensure(String topic) throws InterruptedException {
        if (partitions.isEmpty() || known.contains(topic)) {
            return;
        }
        try {
            if (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty()))).all().get(TIMEOUT_SECONDS,
                        TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the topic " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create the topic " + topic + ": no answer in " + TIMEOUT_SECONDS + " s", e);
        }
        known.add(topic);
    }
}
