package io.relaybox.verification.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.relaybox.platform.LocalPlatform;

/**
 * CDC drain: events committed to the outbox while the connector is stopped, then the connector resumed; how fast
 * Debezium moves the backlog into Kafka.
 */
final class CdcDrainBenchmark {

    static final String AGGREGATE = "benchdrain";
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int STATEMENTS_PER_TRANSACTION = 10;

    private final LocalPlatform platform;

    CdcDrainBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    /**
     * What a drain measured.
     *
     * @param events events committed while the connector was stopped
     * @param arrived distinct events that reached Kafka
     * @param records records that reached Kafka (more than events when one arrived twice)
     * @param eventsPerSecond distinct events per second from the resume to the last record
     * @param streamingEventsPerSecond distinct events per second from the first to the last record
     */
    record Figures(int events, int arrived, long records, double eventsPerSecond, double streamingEventsPerSecond) {
    }

    /** A cold drain (the worker's first), then a measured one of the given size, whose figures it returns. */
    Figures run(int events) throws Exception {
        createTopic();
        drain(Math.min(10_000, events), "warm-up");
        return drain(events, "measured");
    }

    void createTopic() throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("bootstrap.servers", platform.kafka().bootstrapServers());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(properties)) {
            admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(AGGREGATE + ".events", 6, (short) 1)))
                    .all().get();
        }
    }

    private Figures drain(int events, String round) throws Exception {
        String connector = LocalPlatform.ORDERS_CONNECTOR;
        platform.connectClient().stop(connector);
        awaitState(connector, "STOPPED");
        long insertStart = System.nanoTime();
        insert(events);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        System.out.printf("drain (%s): committed %,d outbox events (delete-after-insert) in %.1f s while the connector was stopped%n",
                round, events, insertSeconds);

        Figures figures;
        try (TopicCounter counter = new TopicCounter(platform.kafka().bootstrapServers(), AGGREGATE + ".events")) {
            long resumed = System.nanoTime();
            platform.connectClient().resume(connector);
            boolean complete = counter.awaitDistinct(events, Duration.ofMinutes(5));
            double total = (counter.lastArrivalNanos() - resumed) / 1e9;
            double streaming = (counter.lastArrivalNanos() - counter.firstArrivalNanos()) / 1e9;
            System.out.printf("drain (" + round + "): %s %,d of %,d events (%,d records) in Kafka %.1f s after resume: %,.0f events/s overall, "
                    + "%,.0f events/s from the first to the last record (first record after %.1f s)%n",
                    complete ? "all" : "ONLY", counter.distinct(), events, counter.records(), total, counter.distinct() / total,
                    counter.distinct() / streaming, (counter.firstArrivalNanos() - resumed) / 1e9);
            figures = new Figures(events, counter.distinct(), counter.records(), counter.distinct() / total,
                    counter.distinct() / streaming);
        }
        platform.connectClient().awaitRunning(connector, Duration.ofMinutes(2));
        return figures;
    }

    void insert(int events) throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schemaversion, "
                + "occurredat) VALUES ");
        for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
            sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?::jsonb, 1, ?)");
        }
        try (Connection connection = new BenchDatabase(platform).connect();
                PreparedStatement insert = connection.prepareStatement(sql.toString());
                Statement delete = connection.createStatement()) {
            connection.setAutoCommit(false);
            int written = 0;
            while (written < events) {
                for (int s = 0; s < STATEMENTS_PER_TRANSACTION && written < events; s++) {
                    int p = 1;
                    for (int i = 0; i < ROWS_PER_STATEMENT; i++, written++) {
                        String id = UUID.randomUUID().toString();
                        insert.setObject(p++, UUID.fromString(id));
                        insert.setString(p++, AGGREGATE);
                        insert.setString(p++, "agg-" + (written % 1000));
                        insert.setString(p++, "BenchEvent");
                        insert.setString(p++, payload(written));
                        insert.setTimestamp(p++, Timestamp.from(Instant.now()));
                    }
                    insert.executeUpdate();
                }
                delete.executeUpdate("DELETE FROM outbox_event WHERE aggregatetype = '" + AGGREGATE + "'");
                connection.commit();
            }
        }
    }

    private static String payload(int n) {
        return "{\"n\":" + n + ",\"customerId\":\"customer-042\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":2,"
                + "\"unitPrice\":12.50,\"lineTotal\":25.00},{\"sku\":\"SKU-BREAD\",\"quantity\":1,\"unitPrice\":3.20,\"lineTotal\":3.20}],"
                + "\"total\":28.20,\"status\":\"PENDING\"}";
    }

    private void awaitState(String connector, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (platform.connectClient().status(connector).map(s -> state.equals(s.state())).orElse(false)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(connector + " did not reach " + state);
    }
}
