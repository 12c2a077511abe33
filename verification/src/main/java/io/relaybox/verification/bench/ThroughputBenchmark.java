package io.relaybox.verification.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * The highest rate of {@code POST /orders} the monolith sustains with CDC running (closed loop, several client
 * counts), next to this machine's raw PostgreSQL single-row commit rate.
 */
final class ThroughputBenchmark {

    private final LocalPlatform platform;

    ThroughputBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    void runHttp(int[] clientCounts, Duration each) throws Exception {
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(2);
        closedLoop(8, Duration.ofSeconds(10), () -> api.place(generator.nextOrderJson())); // warm-up
        for (int clients : clientCounts) {
            double rate = closedLoop(clients, each, () -> api.place(generator.nextOrderJson()));
            System.out.printf("throughput: POST /orders with CDC running, %d clients: %,.0f orders/s%n", clients, rate);
        }
    }

    void runRawPostgres(int clients, Duration duration) throws Exception {
        BenchDatabase database = new BenchDatabase(platform);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_raw_commit (id uuid PRIMARY KEY, payload jsonb NOT NULL)");
        }
        ThreadLocal<Connection> connections = new ThreadLocal<>();
        List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        double rate = closedLoop(clients, duration, () -> {
            try {
                Connection connection = connections.get();
                if (connection == null) {
                    connection = database.connect();
                    connections.set(connection);
                    opened.add(connection);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_commit VALUES (?, ?::jsonb)")) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "{\"n\":1,\"customerId\":\"customer-042\",\"total\":28.20}");
                    insert.executeUpdate();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (Connection connection : opened) {
            connection.close();
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_raw_commit");
        }
        System.out.printf("throughput: raw PostgreSQL single-row autocommit inserts, %d clients: %,.0f rows/s%n", clients, rate);
    }

    private static double closedLoop(int clients, Duration duration, Runnable operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    operation.run();
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return done.get() / seconds;
    }
}
