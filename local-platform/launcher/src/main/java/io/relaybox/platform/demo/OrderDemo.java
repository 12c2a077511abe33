package io.relaybox.platform.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * Places orders over HTTP with a progress bar, then waits until every {@code OrderPlaced} arrived in
 * {@code orders.events} and counts what was lost and what came twice.
 */
public final class OrderDemo {

    public static final String TOPIC = "orders.events";

    private final OrdersApi api;
    private final String bootstrapServers;
    private final PrintStream out;

    public OrderDemo(OrdersApi api, String bootstrapServers, PrintStream out) {
        this.api = api;
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public DemoResult run(int orders, int concurrency, Duration drainTimeout) {
        try (OrderEventsReader reader = new OrderEventsReader(bootstrapServers, TOPIC)) {
            long begin = System.nanoTime();
            Set<String> placed = ConcurrentHashMap.newKeySet();
            AtomicLong failed = new AtomicLong();
            placeOrders(orders, concurrency, placed, failed, begin);

            EventTally tally = new EventTally("OrderPlaced", placed);
            out.printf("waiting for %d OrderPlaced events in %s ...%n", placed.size(), TOPIC);
            reader.readUntil(record -> tally.add(record.key(), OrderEventsReader.header(record, "type"),
                    OrderEventsReader.header(record, "id")), tally::isComplete, drainTimeout);
            double seconds = (System.nanoTime() - begin) / 1e9;
            return new DemoResult(placed.size(), tally.events(), tally.missing(), tally.duplicates(), failed.get(), seconds);
        }
    }

    private void placeOrders(int orders, int concurrency, Set<String> placed, AtomicLong failed, long begin) {
        OrderGenerator generator = new OrderGenerator(System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong done = new AtomicLong();
        for (int i = 0; i < orders; i++) {
            pool.execute(() -> {
                try {
                    JsonNode order = api.place(generator.nextOrderJson());
                    placed.add(order.path("orderId").asString());
                } catch (RuntimeException e) {
                    if (failed.incrementAndGet() <= 3) {
                        out.println("\n" + e.getMessage());
                    }
                }
                progress(done.incrementAndGet(), orders, begin);
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("placing orders did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("interrupted", e);
        }
        out.println();
    }

    private long shown;

    private synchronized void progress(long done, int total, long begin) {
        if (done <= shown || (done != total && done % Math.max(1, total / 100) != 0)) {
            return;
        }
        shown = done;
        int width = 40;
        int filled = (int) (width * done / total);
        double seconds = Math.max(1e-3, (System.nanoTime() - begin) / 1e9);
        out.printf("\rplacing orders [%s%s] %d/%d  %.0f/s", "#".repeat(filled), ".".repeat(width - filled), done, total, done / seconds);
        out.flush();
    }
}
