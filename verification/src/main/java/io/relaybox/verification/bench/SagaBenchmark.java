package io.relaybox.verification.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import io.relaybox.contracts.EventType;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderEventsReader;

/**
 * The saga end to end: from {@code POST /orders} until the order's terminal event ({@code OrderConfirmed} or
 * {@code OrderCancelled}, its {@code occurredat}) at a steady rate; and the consumer groups' lag after steps of
 * rising rates, to find the highest rate the services keep up with.
 */
final class SagaBenchmark {

    private static final List<String> GROUPS = List.of("inventory-service", "payment-service", "order-monolith");

    private final LocalPlatform platform;

    SagaBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    /** Time to the terminal state at a steady rate. */
    void latency(int ratePerSecond, Duration duration) throws Exception {
        Map<String, Long> sentMicros = new ConcurrentHashMap<>();
        Map<String, Long> terminalMicros = new ConcurrentHashMap<>();
        try (OrderEventsReader reader = new OrderEventsReader(platform.kafka().bootstrapServers(), EventType.Aggregate.ORDERS.topic())) {
            double served = new PacedOrders(platform, ratePerSecond).drive(ratePerSecond, duration, sentMicros);
            reader.readUntil(record -> {
                String type = OrderEventsReader.header(record, "type");
                if (EventType.ORDER_CONFIRMED.typeName().equals(type) || EventType.ORDER_CANCELLED.typeName().equals(type)) {
                    terminalMicros.putIfAbsent(record.key(), PacedOrders.micros(Instant.parse(OrderEventsReader.header(record, "occurredat"))));
                }
            }, () -> terminalMicros.keySet().containsAll(sentMicros.keySet()), Duration.ofMinutes(3));
            long[] millis = sentMicros.entrySet().stream().filter(e -> terminalMicros.containsKey(e.getKey()))
                    .mapToLong(e -> (terminalMicros.get(e.getKey()) - e.getValue()) / 1000).toArray();
            System.out.printf("saga: %,d orders offered at %d/s, served at %.0f/s, %d not terminal within 3 min: POST to terminal "
                    + "state ms %s%n", sentMicros.size(), ratePerSecond, served, sentMicros.size() - millis.length, new Percentiles(millis));
        }
    }

    /** Lag of the consumer groups after each step of rising rates. */
    void keepUp(int[] rates, Duration each) throws Exception {
        for (int rate : rates) {
            double served = new PacedOrders(platform, rate).drive(rate, each, new ConcurrentHashMap<>());
            System.out.printf("saga: after %d s at %d/s offered (%.0f/s served): consumer lag %s%n", each.toSeconds(), rate, served, lag());
        }
    }

    private String lag() throws Exception {
        StringBuilder lags = new StringBuilder();
        try (GroupLag groups = new GroupLag(platform.kafka().bootstrapServers())) {
            for (String group : GROUPS) {
                lags.append(group).append('=').append(groups.of(group)).append(' ');
            }
        }
        return lags.toString().trim();
    }
}
