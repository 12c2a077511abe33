package io.relaybox.verification.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.relaybox.contracts.EventType;
import io.relaybox.verification.audit.OrderEventsReader;

/**
 * Follows {@code orders.events} on a thread of its own ({@code read_committed}, from where the topic ends at start):
 * for each order, how long its {@code OrderPlaced} took from its commit ({@code occurredat}) to a consumer, and when
 * (its {@code occurredat}) the order reached its terminal event, {@code OrderConfirmed} or {@code OrderCancelled}.
 */
final class OrderTimeline implements AutoCloseable {

    private final Map<String, Long> placedToKafkaMicros = new ConcurrentHashMap<>();
    private final Map<String, Long> terminalMicros = new ConcurrentHashMap<>();
    private final OrderEventsReader reader;
    private final Thread thread;
    private volatile boolean closing;

    OrderTimeline(String bootstrapServers) {
        this.reader = new OrderEventsReader(bootstrapServers, EventType.Aggregate.ORDERS.topic());
        this.thread = new Thread(this::follow, "order-timeline");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (!closing) {
            reader.pollOnce(this::record);
        }
        reader.close();
    }

    private void record(ConsumerRecord<String, String> record) {
        String type = OrderEventsReader.header(record, "type");
        String occurred = OrderEventsReader.header(record, "occurredat");
        if (occurred == null || record.key() == null) {
            return;
        }
        long occurredMicros = PacedOrders.micros(Instant.parse(occurred));
        if (EventType.ORDER_PLACED.typeName().equals(type)) {
            placedToKafkaMicros.putIfAbsent(record.key(), PacedOrders.micros(Instant.now()) - occurredMicros);
        } else if (EventType.ORDER_CONFIRMED.typeName().equals(type) || EventType.ORDER_CANCELLED.typeName().equals(type)) {
            terminalMicros.putIfAbsent(record.key(), occurredMicros);
        }
    }

    /** The time (epoch µs) the order's terminal event committed, or null while it has none. */
    Long terminalMicros(String orderId) {
        return terminalMicros.get(orderId);
    }

    /** From the commit of the order's {@code OrderPlaced} to a consumer, µs; null while not seen. */
    Long placedToKafkaMicros(String orderId) {
        return placedToKafkaMicros.get(orderId);
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.join(10_000);
    }
}
