package io.relaybox.verification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import io.relaybox.platform.demo.OrderEventsReader;

/** The records of {@code orders.events} that arrived after it was created, grouped by key (the order id). */
final class OrderEvents implements AutoCloseable {

    private final OrderEventsReader reader;
    private final Map<String, List<ConsumerRecord<String, String>>> byOrder = new ConcurrentHashMap<>();

    OrderEvents(String bootstrapServers) {
        this.reader = new OrderEventsReader(bootstrapServers, "orders.events");
    }

    /** Reads until the condition holds on what arrived (polling Kafka while waiting). */
    void awaitUntil(Predicate<OrderEvents> condition, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ZERO).pollDelay(Duration.ZERO).until(() -> {
            reader.pollOnce(record -> byOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record));
            return condition.test(this);
        });
    }

    List<ConsumerRecord<String, String>> of(String orderId) {
        return byOrder.getOrDefault(orderId, List.of());
    }

    List<ConsumerRecord<String, String>> of(String orderId, String type) {
        return of(orderId).stream().filter(r -> type.equals(header(r, "type"))).toList();
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
        reader.close();
    }
}
