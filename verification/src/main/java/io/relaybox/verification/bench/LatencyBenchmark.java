package io.relaybox.verification.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.relaybox.contracts.EventType;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderEventsReader;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * Commit-to-Kafka latency at a steady rate of {@code POST /orders}: for every {@code OrderPlaced} record, the time
 * from its {@code occurredat} header (set in the order's transaction) until a consumer received it. The consumer reads
 * {@code read_committed}, as every consumer of the platform does: with exactly-once source a record counts once its
 * Kafka transaction committed.
 */
final class LatencyBenchmark {

    private final LocalPlatform platform;

    LatencyBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    /**
     * What a latency run measured.
     *
     * @param offeredPerSecond the rate of requests sent
     * @param servedPerSecond the rate the API answered them at
     * @param orders orders placed
     * @param notSeen placed orders whose event no consumer received in time
     * @param commitToKafkaMillis commit-to-Kafka latencies of the events received
     */
    record Figures(int offeredPerSecond, double servedPerSecond, int orders, long notSeen, Percentiles commitToKafkaMillis) {
    }

    Figures run(int ratePerSecond, Duration duration) throws Exception {
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(1);
        ConcurrentHashMap<String, Long> latencyByOrder = new ConcurrentHashMap<>();
        ConcurrentHashMap.KeySetView<String, Boolean> placed = ConcurrentHashMap.newKeySet();
        AtomicLong failures = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        AtomicLong late = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long total = ratePerSecond * duration.toSeconds();
        AtomicLong sent = new AtomicLong();
        try (OrderEventsReader reader = new OrderEventsReader(platform.kafka().bootstrapServers(), EventType.Aggregate.ORDERS.topic())) {
            long start = System.nanoTime();
            long periodNanos = 1_000_000_000L / ratePerSecond;
            pacer.scheduleAtFixedRate(() -> {
                if (sent.incrementAndGet() > total) {
                    return;
                }
                clients.execute(() -> {
                    try {
                        placed.add(api.place(generator.nextOrderJson()).path("orderId").asString());
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                    lastCompletion.accumulateAndGet(System.nanoTime(), Math::max);
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);

            reader.readUntil(record -> {
                long receivedMicros = nowMicros();
                if (EventType.ORDER_PLACED.typeName().equals(OrderEventsReader.header(record, "type"))) {
                    Instant occurred = Instant.parse(OrderEventsReader.header(record, "occurredat"));
                    long occurredMicros = occurred.getEpochSecond() * 1_000_000 + occurred.getNano() / 1000;
                    latencyByOrder.putIfAbsent(record.key(), receivedMicros - occurredMicros);
                }
            }, () -> sent.get() >= total && clientsIdle(clients) && latencyByOrder.keySet().containsAll(placed),
                    duration.plus(Duration.ofMinutes(2)));
            double seconds = (System.nanoTime() - start) / 1e9;
            pacer.shutdownNow();
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
            long[] millis = placed.stream().filter(latencyByOrder::containsKey).mapToLong(id -> latencyByOrder.get(id) / 1000).toArray();
            late.set(placed.size() - millis.length);
            double achieved = placed.size() / ((lastCompletion.get() - start) / 1e9);
            System.out.printf("latency: %,d orders offered at %d/s, served at %.0f/s (%d failed requests, %d events not seen "
                    + "within %.0f s): commit-to-Kafka ms %s%n", placed.size(), ratePerSecond, achieved, failures.get(), late.get(),
                    seconds, new Percentiles(millis));
            return new Figures(ratePerSecond, achieved, placed.size(), late.get(), new Percentiles(millis));
        }
    }

    private static boolean clientsIdle(ExecutorService clients) {
        return ((java.util.concurrent.ThreadPoolExecutor) clients).getActiveCount() == 0
                && ((java.util.concurrent.ThreadPoolExecutor) clients).getQueue().isEmpty();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
