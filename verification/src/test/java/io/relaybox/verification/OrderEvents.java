package io.relaybox.verification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

import io.relaybox.verification.audit.OrderEventsReader;

/**
 * The records of an event topic keyed by order id ({@code orders.events} unless told otherwise) that arrived after
 * this was created, grouped by key; each order's records in offset order (one order's records share a partition).
 * Reads with a plain consumer (no group, no commits), only while a test waits on it.
 */
final class OrderEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, List<ConsumerRecord<String, String>>> byOrder = new ConcurrentHashMap<>();

    OrderEvents(String bootstrapServers) {
        this(bootstrapServers, "orders.events");
    }

    /** Remembers where the topic (created by the platform at start) ends now; reading starts there. */
    OrderEvents(String bootstrapServers, String topic) {
        this.consumer = OrderEventsReader.plainConsumer(bootstrapServers);
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, not at the first poll
    }

    /** Reads until the condition holds on what arrived (polling Kafka while waiting). */
    void awaitUntil(Predicate<OrderEvents> condition, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInSameThread().pollInterval(Duration.ZERO).pollDelay(Duration.ZERO)
                .until(() -> {
                    poll();
                    return condition.test(this);
                });
    }

    /** Reads every record the topic holds now (what arrives later may or may not be read). */
    void readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Awaitility.await().atMost(timeout).pollInSameThread().pollInterval(Duration.ZERO).pollDelay(Duration.ZERO)
                .until(() -> {
                    poll();
                    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                });
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200))
                .forEach(record -> byOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record));
    }

    List<ConsumerRecord<String, String>> of(String orderId) {
        return byOrder.getOrDefault(orderId, List.of());
    }

    List<ConsumerRecord<String, String>> of(String orderId, String type) {
        return of(orderId).stream().filter(r -> type.equals(header(r, "type"))).toList();
    }

    /** The event types of the order's records, in offset order. */
    List<String> types(String orderId) {
        return of(orderId).stream().map(r -> header(r, "type")).toList();
    }

    /** Per order, the ids of its distinct events (copies left out), in offset order. */
    Map<String, List<String>> eventIds(Collection<String> orderIds) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (String orderId : orderIds) {
            ids.put(orderId, of(orderId).stream().map(r -> header(r, "id")).distinct().toList());
        }
        return ids;
    }

    /** Every record read so far. */
    List<ConsumerRecord<String, String>> all() {
        return byOrder.values().stream().flatMap(List::stream).toList();
    }

    boolean hasAll(Iterable<String> orderIds, String type) {
        for (String orderId : orderIds) {
            if (of(orderId, type).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return OrderEventsReader.header(record, name);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
