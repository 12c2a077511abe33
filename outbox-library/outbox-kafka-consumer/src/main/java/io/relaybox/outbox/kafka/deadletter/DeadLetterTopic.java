package io.relaybox.outbox.kafka.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.relaybox.outbox.OutboxException;

/**
 * A dead-letter topic ({@code <topic>.dlq}): reads its dead letters and re-drives chosen ones to the topics they came
 * from, with their original key, value and headers (the {@code relaybox.dlq.*} reason headers removed). The consumer
 * that dead-lettered them then receives them again: a dead letter it now understands is applied, and the events
 * parked behind it follow in their order once they are re-driven too. Re-driving is safe to repeat: the inbox skips
 * what it has applied. Every consumer of the source topic receives the re-driven records (and skips those it has).
 *
 * <pre>{@code
 * try (DeadLetterTopic dlq = DeadLetterTopic.open("orders.events.dlq", Map.of("bootstrap.servers", servers))) {
 *     List<DeadLetter> letters = dlq.read();
 *     dlq.redrive(letters.stream().filter(letter -> "o-1".equals(letter.key())).toList());
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class DeadLetterTopic implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> clientProperties;
    private KafkaProducer<byte[], byte[]> producer;

    private DeadLetterTopic(String topic, Map<String, Object> clientProperties) {
        this.topic = topic;
        this.clientProperties = clientProperties;
    }

    /**
     * A dead-letter topic; connects on first use.
     *
     * @param topic the dead-letter topic, e.g. {@code orders.events.dlq}; not blank
     * @param clientProperties Kafka client settings: at least {@code bootstrap.servers}, plus any security settings
     * @return the topic
     */
    public static DeadLetterTopic open(String topic, Map<String, Object> clientProperties) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("the dead-letter topic must not be blank");
        }
        Objects.requireNonNull(clientProperties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG), "bootstrap.servers");
        return new DeadLetterTopic(topic, Map.copyOf(clientProperties));
    }

    /**
     * Reads every dead letter the topic holds now (committed records, from the start of each partition up to its end
     * at the time of the call).
     *
     * @return the dead letters by partition, then offset (so each aggregate's in the order they were set aside)
     * @throws OutboxException when the topic does not exist or cannot be read within 30 s
     */
    public List<DeadLetter> read() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new OutboxException("the dead-letter topic " + topic + " does not exist (no record has been"
                        + " dead-lettered yet, or the name is wrong)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<DeadLetter> letters = new ArrayList<>();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (!reachedEnds(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new OutboxException("could not read " + topic + " to its end within "
                            + TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(DeadLetter.of(record));
                    }
                }
            }
            letters.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
            return letters;
        }
    }

    /**
     * Publishes the dead letters to their source topics, in the order given, and waits until Kafka acknowledged all.
     * Each keeps its key, so it lands where the live events of its aggregate go. Pass them in the order
     * {@link #read()} returns (and a dead letter before the events parked behind it), so that each aggregate's events
     * arrive in their original order.
     *
     * @param letters dead letters of this topic
     * @return how many were re-driven
     * @throws OutboxException when one has no source topic header, or Kafka did not acknowledge one; those before it
     *         may have been re-driven (doing it again is safe)
     */
    public int redrive(List<DeadLetter> letters) {
        for (DeadLetter letter : letters) {
            if (letter.sourceTopic() == null || letter.sourceTopic().isBlank()) {
                throw new OutboxException("dead letter " + letter + " has no source topic header: it was not"
                        + " written by an InboxConsumer");
            }
        }
        KafkaProducer<byte[], byte[]> sender = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (DeadLetter letter : letters) {
            sent.add(sender.send(new ProducerRecord<>(letter.sourceTopic(), null, null, letter.keyBytes(),
                    letter.valueBytes(), letter.originalHeaders())));
        }
        sender.flush();
        for (int i = 0; i < sent.size(); i++) {
            await(sent.get(i), letters.get(i));
        }
        return letters.size();
    }

    private static boolean reachedEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey(), TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(clientProperties);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static void await(Future<RecordMetadata> future, DeadLetter letter) {
        try {
            future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new OutboxException("cannot re-drive " + letter + " to " + letter.sourceTopic() + ": "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxException("cannot re-drive " + letter + ": no acknowledgement within "
                    + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxException("interrupted while re-driving " + letter, e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
