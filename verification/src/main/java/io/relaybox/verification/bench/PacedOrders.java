package io.relaybox.verification.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * An open-loop load of {@code POST /orders}: requests leave on a fixed schedule, whether or not the earlier ones were
 * answered (up to 64 in flight), so a slow platform shows as a lower served rate and longer latencies, not as a lower
 * offered rate.
 */
final class PacedOrders {

    private final OrdersApi api;
    private final OrderGenerator generator;

    PacedOrders(LocalPlatform platform, long seed) {
        this.api = new OrdersApi(platform.endpoints().get("orders-api"));
        this.generator = new OrderGenerator(seed);
    }

    /**
     * Sends {@code ratePerSecond × duration} orders and waits for every answer.
     *
     * @param sentMicros filled with each placed order's id and the time (epoch µs) its request left
     * @return the rate of placed orders over the run (answered requests, failed ones not counted)
     */
    double drive(int ratePerSecond, Duration duration, Map<String, Long> sentMicros) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(64);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long total = ratePerSecond * duration.toSeconds();
        AtomicLong sent = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong placed = new AtomicLong();
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() > total) {
                return;
            }
            clients.execute(() -> {
                long before = micros(Instant.now());
                try {
                    sentMicros.put(api.place(generator.nextOrderJson()).path("orderId").asString(), before);
                    placed.incrementAndGet();
                } catch (RuntimeException e) {
                    // counted as not served
                }
                done.incrementAndGet();
            });
        }, 0, 1_000_000_000L / ratePerSecond, TimeUnit.NANOSECONDS);
        while (done.get() < total) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pacer.shutdownNow();
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        return placed.get() / seconds;
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
