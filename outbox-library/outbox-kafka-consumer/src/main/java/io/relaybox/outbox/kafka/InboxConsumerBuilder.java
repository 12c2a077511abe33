package io.relaybox.outbox.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.inbox.Inbox;

/**
 * Configures an {@link InboxConsumer}. Settings are checked once, by {@link #build()}, with messages that name the
 * property ({@code outbox.inbox.kafka.topics must not be empty}). Not thread-safe.
 */
public final class InboxConsumerBuilder {

    /** The default first retry delay after a transient failure: 100 ms. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);

    /** The default longest retry delay: 30 s. */
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofSeconds(30);

    private int maxBatch = 1;
    private Inbox inbox;
    private String bootstrapServers;
    private List<String> topics = List.of();
    private String groupId;
    private final Map<String, Object> clientProperties = new HashMap<>();
    private final Map<String, Object> consumerProperties = new HashMap<>();
    private final Map<String, Object> producerProperties = new HashMap<>();
    private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
    private Duration retryBackoffMax = DEFAULT_RETRY_BACKOFF_MAX;
    private Duration pollTimeout = Duration.ofSeconds(1);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private boolean createDeadLetterTopics = true;
    private CommitBarrier commitBarrier;
    private java.util.function.Consumer<Consumer<?, ?>> kafkaConsumerListener = kafkaConsumer -> {
    };

    InboxConsumerBuilder() {
    }

    /**
     * The inbox that applies the records. Required. Its {@link Inbox#consumer() consumer name} is the default group id
     * and is written into dead letters.
     *
     * @param inbox the inbox
     * @return this builder
     */
    public InboxConsumerBuilder inbox(Inbox inbox) {
        this.inbox = inbox;
        return this;
    }

    /**
     * The Kafka cluster ({@code bootstrap.servers}). Required.
     *
     * @param bootstrapServers e.g. {@code 127.0.0.1:19092}
     * @return this builder
     */
    public InboxConsumerBuilder bootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        return this;
    }

    /**
     * The topics to consume, e.g. {@code orders.events}. Required. Dead letters of each go to {@code <topic>.dlq}.
     *
     * @param topics topic names
     * @return this builder
     */
    public InboxConsumerBuilder topics(String... topics) {
        this.topics = List.of(topics);
        return this;
    }

    /**
     * The consumer group; default the inbox's consumer name. Run more instances with the same group to scale out: Kafka
     * divides the partitions among them, and each partition (so each aggregate) is consumed by one at a time.
     *
     * @param groupId the group id
     * @return this builder
     */
    public InboxConsumerBuilder groupId(String groupId) {
        this.groupId = groupId;
        return this;
    }

    /**
     * A setting for every client (consumer, dead-letter producer, admin), e.g. {@code security.protocol} or
     * {@code sasl.jaas.config}.
     *
     * @param key a Kafka client setting
     * @param value its value
     * @return this builder
     */
    public InboxConsumerBuilder clientProperty(String key, Object value) {
        clientProperties.put(key, value);
        return this;
    }

    /**
     * A setting for the consumer only, e.g. {@code max.poll.records}. The defaults are
     * {@code auto.offset.reset=earliest} (a new group applies the topic from its start) and
     * {@code isolation.level=read_committed}; {@code enable.auto.commit} must stay {@code false}, and keys and values
     * are always read as bytes.
     *
     * @param key a Kafka consumer setting
     * @param value its value
     * @return this builder
     */
    public InboxConsumerBuilder consumerProperty(String key, Object value) {
        consumerProperties.put(key, value);
        return this;
    }

    /**
     * A setting for the dead-letter producer only. It is idempotent with {@code acks=all}, which cannot be changed.
     *
     * @param key a Kafka producer setting
     * @param value its value
     * @return this builder
     */
    public InboxConsumerBuilder producerProperty(String key, Object value) {
        producerProperties.put(key, value);
        return this;
    }

    /**
     * The backoff after a transient failure: the first retry waits about {@code initial}, each further one twice as
     * long, up to {@code max}, each with random jitter (between half and all of it). The partition is paused meanwhile;
     * the others flow. Defaults 100 ms and 30 s.
     *
     * @param initial the first delay, positive
     * @param max the longest delay, at least {@code initial}
     * @return this builder
     */
    public InboxConsumerBuilder retryBackoff(Duration initial, Duration max) {
        this.retryBackoff = initial;
        this.retryBackoffMax = max;
        return this;
    }

    /**
     * The longest a poll waits for records; default 1 s.
     *
     * @param pollTimeout a positive duration
     * @return this builder
     */
    public InboxConsumerBuilder pollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
        return this;
    }

    /**
     * The most records of one partition applied in one database transaction ({@link Inbox#receiveAll}); default 1,
     * a transaction per record. A batch commits once (one WAL flush) for all its records; when one of them would be
     * parked, fails, or cannot be decoded, the batch is rolled back and its records go one by one as with 1. Only for
     * handlers whose every effect is in the transaction: after such a rollback the records before the failing one are
     * handled again.
     *
     * @param maxBatch at least 1
     * @return this builder
     */
    public InboxConsumerBuilder maxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
        return this;
    }

    /**
     * How long {@link InboxConsumer#close()} waits for the record in hand, the last commit and leaving the group;
     * default 30 s.
     *
     * @param closeTimeout a positive duration
     * @return this builder
     */
    public InboxConsumerBuilder closeTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
        return this;
    }

    /**
     * Whether a missing {@code <topic>.dlq} is created on the first dead letter, with the source topic's partition
     * count and replication factor; default true. When false, create the topics beforehand: a dead letter that cannot
     * be sent is retried, and its partition waits.
     *
     * @param createDeadLetterTopics whether to create dead-letter topics
     * @return this builder
     */
    public InboxConsumerBuilder createDeadLetterTopics(boolean createDeadLetterTopics) {
        this.createDeadLetterTopics = createDeadLetterTopics;
        return this;
    }

    /**
     * A test hook called after the database commits and before the offset commit; none by default.
     *
     * @param commitBarrier the barrier, or null for none
     * @return this builder
     * @see CommitBarrier
     */
    public InboxConsumerBuilder commitBarrier(CommitBarrier commitBarrier) {
        this.commitBarrier = commitBarrier;
        return this;
    }

    /**
     * Told of the Kafka consumer once, when {@link #build()} creates it: for a metrics binder that reads
     * {@link Consumer#metrics()} (Micrometer's {@code KafkaClientMetrics}: records lag per partition, fetch rates). The
     * consumer belongs to the inbox's thread: call nothing on it but {@code metrics()}.
     *
     * @param listener the listener, not null
     * @return this builder
     */
    public InboxConsumerBuilder kafkaConsumerListener(java.util.function.Consumer<Consumer<?, ?>> listener) {
        if (listener == null) {
            throw new OutboxConfigurationException("outbox.inbox.kafka.kafka-consumer-listener must not be null");
        }
        this.kafkaConsumerListener = listener;
        return this;
    }

    /**
     * Validates the settings and creates the consumer, which does not connect until {@link InboxConsumer#start()}.
     *
     * @return the consumer
     * @throws OutboxConfigurationException naming the first invalid setting
     */
    public InboxConsumer build() {
        if (inbox == null) {
            throw new OutboxConfigurationException("outbox.inbox.kafka.inbox must be set");
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new OutboxConfigurationException("outbox.inbox.kafka.bootstrap-servers must be set");
        }
        if (topics.isEmpty() || topics.stream().anyMatch(topic -> topic == null || topic.isBlank())) {
            throw new OutboxConfigurationException("outbox.inbox.kafka.topics must not be empty or blank, was: "
                    + topics);
        }
        String group = groupId != null ? groupId : inbox.consumer();
        if (group.isBlank()) {
            throw new OutboxConfigurationException("outbox.inbox.kafka.group-id must not be blank");
        }
        requirePositive(retryBackoff, "retry-backoff");
        requirePositive(retryBackoffMax, "retry-backoff-max");
        if (retryBackoffMax.compareTo(retryBackoff) < 0) {
            throw new OutboxConfigurationException("outbox.inbox.kafka.retry-backoff-max must be at least"
                    + " retry-backoff (" + retryBackoff + "), was: " + retryBackoffMax);
        }
        if (maxBatch < 1) {
            throw new OutboxConfigurationException("outbox.inbox.kafka.max-batch must be at least 1, was: " + maxBatch);
        }
        requirePositive(pollTimeout, "poll-timeout");
        requirePositive(closeTimeout, "close-timeout");
        ClientSettings settings = ClientSettings.of(bootstrapServers, group, clientProperties, consumerProperties,
                producerProperties);
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(inbox.consumer(),
                () -> new KafkaProducer<>(settings.producer(), new ByteArraySerializer(), new ByteArraySerializer()),
                createDeadLetterTopics ? () -> Admin.create(settings.admin()) : null);
        Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.consumer(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        kafkaConsumerListener.accept(consumer);
        PartitionRetries retries = new PartitionRetries(new RetryBackoff(retryBackoff, retryBackoffMax, new Random()),
                System::nanoTime);
        PollLoop loop = new PollLoop(consumer, List.copyOf(topics), new RecordProcessor(inbox, deadLetters), retries,
                commitBarrier, maxBatch, pollTimeout, closeTimeout, deadLetters);
        return new InboxConsumer(inbox, group, loop, closeTimeout);
    }

    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new OutboxConfigurationException("outbox.inbox.kafka." + property + " must be positive, was: "
                    + value);
        }
    }
}
