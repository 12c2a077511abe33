package io.relaybox.verification.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderEventsReader;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

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
        try (OrderEventsReader reader = new OrderEventsReader(platform.kafka().bootstrapServers(), "orders.events")) {
            double served = drive(ratePerSecond, duration, sentMicros);
            reader.readUntil(record -> {
                String type = OrderEventsReader.header(record, "type");
                if ("OrderConfirmed".equals(type) || "OrderCancelled".equals(type)) {
                    terminalMicros.putIfAbsent(record.key(), micros(Instant.parse(OrderEventsReader.header(record, "occurredat"))));
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
            double served = drive(rate, each, new ConcurrentHashMap<>());
            System.out.printf("saga: after %d s at %d/s offered (%.0f/s served): consumer lag %s%n", each.toSeconds(), rate, served, lag());
        }
    }

    private double drive(int ratePerSecond, Duration duration, Map<String, Long> sentMicros) throws InterruptedException {
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(ratePerSecond);
        ThreadPoolExecutor clients = (ThreadPoolExecutor) Executors.newFixedThreadPool(64);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long total = ratePerSecond * duration.toSeconds();
        AtomicLong sent = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() > total) {
                return;
            }
            clients.execute(() -> {
                long before = micros(Instant.now());
                try {
                    sentMicros.put(api.place(generator.nextOrderJson()).path("orderId").asString(), before);
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
        return sentMicros.isEmpty() ? done.get() / seconds : sentMicros.size() / seconds;
    }

    private String lag() throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", platform.kafka().bootstrapServers());
        StringBuilder lags = new StringBuilder();
        try (Admin admin = Admin.create(properties)) {
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                long lag = committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
                lags.append(group).append('=').append(lag).append(' ');
            }
        }
        return lags.toString().trim();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
