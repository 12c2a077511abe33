package io.relaybox.verification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * The platform's Kafka as fault tests drive it: end and committed offsets, rewinding an idle consumer group the way
 * an operator does, and publishing records (copies of consumed ones, or hand-made ones) the way a producer does.
 */
final class EventTopics implements AutoCloseable {

    static final String ORDERS = "orders.events";
    static final String INVENTORY = "inventory.events";
    static final String PAYMENTS = "payments.events";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    EventTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Where each partition of the topics ends now. */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.values().forEach(topic -> topic.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        return get(admin.listOffsets(latest).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Creates the topic and waits until the broker serves every partition (a leader for each). */
    void createAndAwait(String topic, int partitions) {
        get(admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1))).all());
        Awaitility.await("every partition of " + topic + " has a leader").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
    }

    /** The group's committed offsets in the topics' partitions; 0 where it committed none. */
    Map<TopicPartition, Long> committedOffsets(String group, Collection<String> topics) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        endOffsets(topics).keySet().forEach(partition -> {
            OffsetAndMetadata offset = committed.get(partition);
            offsets.put(partition, offset == null ? 0L : offset.offset());
        });
        return offsets;
    }

    /**
     * True when the group consumed every committed record of its topics. A topic written in transactions (exactly-once
     * source) ends with a commit marker a consumer never sees, so a group that consumed everything may have committed
     * the offset of that marker: what lies between its committed offset and the end is read to tell.
     */
    boolean caughtUp(String group, Collection<String> topics) {
        Map<TopicPartition, Long> committed = committedOffsets(group, topics);
        Map<TopicPartition, Long> end = endOffsets(topics);
        if (end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) >= e.getValue())) {
            return true;
        }
        return recordsBetween(committed, end) == 0;
    }

    /**
     * How many committed records lie between two positions of the same partitions, read as a {@code read_committed}
     * consumer reads them: commit markers and the records of aborted transactions occupy offsets but are no records.
     */
    long recordsBetween(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<TopicPartition, Long> wanted = new HashMap<>();
        to.forEach((partition, end) -> {
            if (end > from.getOrDefault(partition, 0L)) {
                wanted.put(partition, end);
            }
        });
        if (wanted.isEmpty()) {
            return 0;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(wanted.keySet());
            wanted.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            long records = 0;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            // the position moves past markers and aborted records too: read until every partition reached its end
            while (wanted.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + from + " .. " + to + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < wanted.get(new TopicPartition(record.topic(), record.partition()))) {
                        records++;
                    }
                }
            }
            return records;
        }
    }

    /**
     * Moves the group's committed offsets, as {@code kafka-consumer-groups --reset-offsets} does. Kafka allows it only
     * while the group has no members, so this retries until the last stopped member has left.
     */
    void moveGroup(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
        offsets.forEach((partition, offset) -> target.put(partition, new OffsetAndMetadata(offset)));
        Awaitility.await("group " + group + " moved to " + offsets).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> get(admin.alterConsumerGroupOffsets(group, target).all()));
    }

    /** Sends the record and waits until Kafka acknowledged it. */
    RecordMetadata publish(ProducerRecord<byte[], byte[]> record) {
        return get(producer.send(record));
    }

    /** Publishes each record again, unchanged: same topic, partition, key, value and headers (so the same event id). */
    void publishCopies(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            publish(new ProducerRecord<>(record.topic(), record.partition(), null, bytes(record.key()),
                    bytes(record.value()), record.headers()));
        }
        producer.flush();
    }

    /** The positions of these topics only. */
    static Map<TopicPartition, Long> of(Map<TopicPartition, Long> offsets, Collection<String> topics) {
        Set<String> wanted = Set.copyOf(topics);
        return offsets.entrySet().stream().filter(e -> wanted.contains(e.getKey().topic()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().toString(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
