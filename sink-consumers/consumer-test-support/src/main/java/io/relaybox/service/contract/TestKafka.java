package io.relaybox.service.contract;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.relaybox.platform.KafkaEndpoint;

/** Topics, records and consumer groups on the test broker. */
public final class TestKafka implements AutoCloseable {

    private final KafkaEndpoint broker;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    public TestKafka(KafkaEndpoint broker) {
        this.broker = broker;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Creates the topic unless it exists. */
    public void ensureTopic(String topic, int partitions) {
        try {
            get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Publishes the events in order, each by key, and waits until Kafka has them all. */
    public List<RecordMetadata> publish(OrderEvent... events) {
        List<RecordMetadata> written = new ArrayList<>();
        for (OrderEvent event : events) {
            written.add(get(producer.send(event.toRecord(null))));
        }
        return written;
    }

    /** Publishes the events, in order, into one partition (so that each is behind the one before). */
    public void publishInto(int partition, OrderEvent... events) {
        for (OrderEvent event : events) {
            get(producer.send(event.toRecord(partition)));
        }
    }

    /** The offset after the last record of each partition of the topic. */
    public Map<TopicPartition, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** The group's committed offset of the partition; -1 when it committed none. */
    public long committed(String group, TopicPartition partition) {
        OffsetAndMetadata offset = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata())
                .get(partition);
        return offset == null ? -1 : offset.offset();
    }

    /** Moves the (inactive) group's offsets, as an operator rewinding a consumer does. */
    public void moveGroup(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
        offsets.forEach((partition, offset) -> target.put(partition, new OffsetAndMetadata(offset)));
        get(admin.alterConsumerGroupOffsets(group, target).all());
    }

    /** How many members of the group hold at least one partition. */
    public long membersWithPartitions(String group) {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups()
                .get(group));
        return description.members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty())
                .count();
    }

    /** Every record of the topic (from its start) that matches, read until {@code expected} matched. */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
            int expected, Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matching.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                });
            }
        }
        return matching;
    }

    /** A header of a record as text; null when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
