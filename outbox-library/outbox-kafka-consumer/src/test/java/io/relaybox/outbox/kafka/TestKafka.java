package io.relaybox.outbox.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.platform.KafkaEndpoint;

/** Topics, records and consumer groups on the test broker. */
final class TestKafka implements AutoCloseable {

    private final KafkaEndpoint broker;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    TestKafka(KafkaEndpoint broker) {
        this.broker = broker;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    void createTopic(String topic, int partitions) {
        get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
    }

    /** Publishes the records in order and waits until Kafka has them all. */
    void publish(String topic, OutboxRecord... records) {
        for (OutboxRecord record : records) {
            publish(record.toRecord(topic));
        }
    }

    void publish(ProducerRecord<String, String> record) {
        get(producer.send(record));
    }

    /** The group's committed offsets of the topic, by partition; partitions without a commit are absent. */
    Map<Integer, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<Integer, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                result.put(partition.partition(), offset.offset());
            }
        });
        return result;
    }

    /** Moves the (inactive) group back to the start of every partition of the topic. */
    void rewind(String group, String topic, int partitions) {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            start.put(new TopicPartition(topic, partition), new OffsetAndMetadata(0));
        }
        get(admin.alterConsumerGroupOffsets(group, start).all());
    }

    /** A started consumer with short backoffs and polls, so that tests run fast. */
    InboxConsumer startConsumer(Inbox inbox, String topic) {
        return consumer(inbox, topic).build().start();
    }

    InboxConsumerBuilder consumer(Inbox inbox, String topic) {
        return InboxConsumer.builder().inbox(inbox).bootstrapServers(bootstrapServers()).topics(topic)
                .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).pollTimeout(Duration.ofMillis(200));
    }

    static <T> T get(java.util.concurrent.Future<T> future) {
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
