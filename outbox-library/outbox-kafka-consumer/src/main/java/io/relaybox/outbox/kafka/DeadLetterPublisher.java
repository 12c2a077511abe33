package io.relaybox.outbox.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.outbox.OutboxException;

/**
 * Sends a record to {@code <topic>.dlq} with its key, value and headers untouched plus the reason headers, and waits
 * for the acknowledgement; creates the topic on first use with the source's partition count. Poll thread only.
 */
final class DeadLetterPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final String consumer;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final Supplier<Admin> admins;
    private final Set<String> knownTopics = new HashSet<>();
    private Producer<byte[], byte[]> producer;
    private Admin admin;

    /**
     * @param consumer the consumer name written into the reason headers
     * @param producers creates the producer on the first dead letter
     * @param admins creates the admin client for topic creation; null when the topics must exist already
     */
    DeadLetterPublisher(String consumer, Supplier<Producer<byte[], byte[]>> producers, Supplier<Admin> admins) {
        this.consumer = consumer;
        this.producers = producers;
        this.admins = admins;
    }

    /** Sends the dead letter and waits until Kafka acknowledged it. */
    void publish(ConsumerRecord<byte[], byte[]> record, Throwable reason, UUID parkedBehind) {
        String topic = DeadLetterHeaders.deadLetterTopic(record.topic());
        ensureTopic(topic, record.topic());
        Producer<byte[], byte[]> sender = producer();
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(topic,
                samePartition(sender, topic, record.partition()), null, record.key(), record.value(),
                headers(record, reason, parkedBehind));
        await(sender.send(deadLetter), "cannot send " + describe(record) + " to " + topic, null);
    }

    /** The record's own headers (minus earlier reason headers) followed by this dead letter's reason headers. */
    RecordHeaders headers(ConsumerRecord<byte[], byte[]> record, Throwable reason, UUID parkedBehind) {
        DeadLetterRecordHeaders headers = DeadLetterRecordHeaders.of(record.headers())
                .failure(reason, DeadLetterReason.of(reason), DeadLetterReason.violations(reason).orElse(List.of()))
                .source(record.topic(), record.partition(), record.offset(), consumer);
        if (parkedBehind != null) {
            headers.parkedBehind(parkedBehind);
        }
        return headers.build();
    }

    /** The source's partition number, so that an aggregate's dead letters stay in order; else the key decides. */
    private static Integer samePartition(Producer<byte[], byte[]> sender, String topic, int sourcePartition) {
        List<PartitionInfo> partitions = sender.partitionsFor(topic);
        return sourcePartition < partitions.size() ? sourcePartition : null;
    }

    private void ensureTopic(String topic, String source) {
        if (admins == null || knownTopics.contains(topic)) {
            return;
        }
        Admin client = admin();
        if (!await(client.listTopics().names(), "cannot list the topics", ADMIN_TIMEOUT).contains(topic)) {
            TopicDescription description = await(client.describeTopics(List.of(source)).allTopicNames(),
                    "cannot describe " + source, ADMIN_TIMEOUT).get(source);
            int partitions = description.partitions().size();
            short replicas = (short) description.partitions().get(0).replicas().size();
            try {
                await(client.createTopics(List.of(new NewTopic(topic, partitions, replicas))).all(),
                        "cannot create the dead-letter topic " + topic + " (create it, with " + partitions
                                + " partitions, or grant this client CREATE)", ADMIN_TIMEOUT);
                LOG.info("Created the dead-letter topic {} ({} partitions, replication factor {})", topic, partitions,
                        replicas);
            } catch (OutboxException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        knownTopics.add(topic);
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private Admin admin() {
        if (admin == null) {
            admin = admins.get();
        }
        return admin;
    }

    private static <T> T await(Future<T> future, String failure, Duration timeout) {
        try {
            return timeout == null ? future.get() : future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new OutboxException(failure + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OutboxException(failure + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxException(failure + ": interrupted", e);
        }
    }

    static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(10));
        }
    }
}
