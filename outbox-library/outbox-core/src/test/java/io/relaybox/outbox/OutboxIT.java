package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.PostgresEndpoint;
import tools.jackson.databind.json.JsonMapper;
import io.relaybox.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class OutboxIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    static TestDatabase database;
    static JdbcTransactions transactions;

    record OrderPlaced(String orderId, long totalCents, Instant placedAt) {
    }

    @BeforeAll
    static void createDatabase(PostgresEndpoint server) {
        database = TestDatabase.create(server, "outbox_it");
        database.execute("CREATE TABLE business_row (id text PRIMARY KEY)");
        transactions = JdbcTransactions.of(database.dataSource());
    }

    @BeforeEach
    void emptyTables() {
        database.execute("TRUNCATE business_row, outbox_event");
    }

    @Test
    void commitsEventWithBusinessRow() throws Exception {
        Outbox outbox = outbox(CleanupMode.RETAIN).build();
        OrderPlaced payload = new OrderPlaced("o-1", 1250, Instant.parse("2026-11-25T10:15:30.123456Z"));

        OutboxEvent event = transactions.inTransaction(() -> {
            insertBusinessRow("o-1");
            return outbox.publish(OutboxMessage.of("orders", "o-1", "OrderPlaced", payload).withSchemaVersion(2)
                    .withHeader("tenant", "eu"));
        });

        assertThat(database.count("business_row")).isEqualTo(1);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM outbox_event WHERE id = ?")) {
            select.setObject(1, event.id());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("aggregatetype")).isEqualTo("orders");
                assertThat(row.getString("aggregateid")).isEqualTo("o-1");
                assertThat(row.getString("type")).isEqualTo("OrderPlaced");
                assertThat(JSON.readTree(row.getString("payload"))).isEqualTo(JSON.readTree(
                        "{\"orderId\":\"o-1\",\"totalCents\":1250,\"placedAt\":\"2026-11-25T10:15:30.123456Z\"}"));
                assertThat(row.getInt("schemaversion")).isEqualTo(2);
                assertThat(row.getObject("occurredat", OffsetDateTime.class).toInstant()).isEqualTo(event.occurredAt());
                assertThat(row.getString("traceparent")).isNull();
                assertThat(JSON.readTree(row.getString("headers"))).isEqualTo(JSON.readTree("{\"tenant\":\"eu\"}"));
            }
        }
        assertThat(event.payload()).isEqualTo(JSON.writeValueAsString(payload));
        assertThat(event.headers()).containsExactly(Map.entry("tenant", "eu"));
    }

    @Test
    void rollsBackEventWithBusinessRow() {
        Outbox outbox = outbox(CleanupMode.RETAIN).build();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            insertBusinessRow("o-2");
            outbox.publish("orders", "o-2", "OrderPlaced", Map.of("orderId", "o-2"));
            throw new IllegalStateException("business rule failed after publishing");
        })).hasMessage("business rule failed after publishing");

        assertThat(database.count("business_row")).isZero();
        assertThat(database.count("outbox_event")).isZero();
    }

    @Test
    void tellsTheListenerOfEachWrittenEventAndIgnoresItsFailure() throws Exception {
        List<OutboxEvent> told = new ArrayList<>();
        Outbox outbox = outbox(CleanupMode.RETAIN).listener(event -> {
            told.add(event);
            throw new IllegalStateException("a broken meter");
        }).build();

        OutboxEvent event = transactions.inTransaction(() -> {
            insertBusinessRow("o-listened");
            return outbox.publish("orders", "o-listened", "OrderPlaced", Map.of("orderId", "o-listened"));
        });

        assertThat(told).containsExactly(event);
        assertThat(database.count("outbox_event")).isEqualTo(1);
    }

    @Test
    void rollsBackBusinessRowWhenPayloadIsTooLarge() {
        Outbox outbox = outbox(CleanupMode.RETAIN).maxPayloadBytes(1024).build();
        String big = "é".repeat(600); // 1200 bytes of UTF-8 in 600 chars

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            insertBusinessRow("o-3");
            outbox.publish("orders", "o-3", "OrderPlaced", Map.of("note", big));
        })).isInstanceOf(OutboxPayloadTooLargeException.class)
                .hasMessageContaining("OrderPlaced for orders o-3")
                .hasMessageContaining("1211 bytes")
                .hasMessageContaining("outbox.max-payload-bytes=1024");

        assertThat(database.count("business_row")).isZero();
        assertThat(database.count("outbox_event")).isZero();
    }

    @Test
    void refusesAPayloadThatBreaksItsContractInStrictModeAndRollsBackTheBusinessRow() {
        PayloadValidator contract = (type, version, json) -> json.contains("\"totalCents\":-") ? List.of("/totalCents: must be >= 0") : List.of();
        Outbox outbox = outbox(CleanupMode.RETAIN).payloadValidator(contract, PayloadValidation.STRICT).build();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            insertBusinessRow("o-9");
            outbox.publish("orders", "o-9", "OrderPlaced", new OrderPlaced("o-9", -1, Instant.now()));
        })).isInstanceOf(InvalidEventPayloadException.class).hasMessage("OrderPlaced v1 breaks its contract: /totalCents: must be >= 0");
        transactions.inTransaction(() -> outbox.publish("orders", "o-10", "OrderPlaced", new OrderPlaced("o-10", 5, Instant.now())));

        assertThat(database.count("business_row")).isZero();
        assertThat(database.count("outbox_event")).isEqualTo(1);
    }

    @Test
    void writesAPayloadThatBreaksItsContractInWarnModeAndSkipsTheCheckWhenOff() {
        PayloadValidator refusesAll = (type, version, json) -> List.of("/: always wrong");
        Outbox warn = outbox(CleanupMode.RETAIN).payloadValidator(refusesAll, PayloadValidation.WARN).build();
        Outbox off = outbox(CleanupMode.RETAIN).payloadValidator(refusesAll, PayloadValidation.OFF).build();

        transactions.inTransaction(() -> warn.publish("orders", "o-11", "OrderPlaced", Map.of("a", 1)));
        transactions.inTransaction(() -> off.publish("orders", "o-12", "OrderPlaced", Map.of("a", 1)));

        assertThat(database.count("outbox_event")).isEqualTo(2);
    }

    @Test
    void rollsBackBusinessRowWhenOutboxInsertViolatesAConstraint() {
        UUID duplicate = UUID.fromString("01a21234-0a4b-7000-8000-000000000001");
        Outbox outbox = outbox(CleanupMode.RETAIN).eventIdGenerator(() -> duplicate).build();
        transactions.inTransaction(() -> outbox.publish("orders", "o-4", "OrderPlaced", Map.of()));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            insertBusinessRow("o-5");
            outbox.publish("orders", "o-5", "OrderPlaced", Map.of());
        })).isInstanceOf(OutboxException.class)
                .hasMessageContaining("cannot write OrderPlaced for orders o-5 to outbox_event")
                .cause().isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("23505"));

        assertThat(database.count("business_row")).isZero();
        assertThat(database.count("outbox_event")).isEqualTo(1);
    }

    @Test
    void refusesToPublishWithoutTransaction() {
        Outbox outbox = outbox(CleanupMode.RETAIN).build();

        assertThatThrownBy(() -> outbox.publish("orders", "o-6", "OrderPlaced", Map.of()))
                .isInstanceOf(NoActiveTransactionException.class)
                .hasMessageContaining("no transaction is active on this thread");

        assertThat(database.count("outbox_event")).isZero();
    }

    @Test
    void refusesAConnectionInAutoCommitMode() throws SQLException {
        try (Connection autoCommit = database.dataSource().getConnection()) {
            Outbox outbox = outbox(CleanupMode.RETAIN).connectionSource(() -> autoCommit).build();

            assertThatThrownBy(() -> outbox.publish("orders", "o-7", "OrderPlaced", Map.of()))
                    .isInstanceOf(NoActiveTransactionException.class)
                    .hasMessageContaining("auto-commit mode");
        }
        assertThat(database.count("outbox_event")).isZero();
    }

    @Test
    void deleteAfterInsertLeavesTheTableEmptyWhileTheWalKeepsTheInsert() {
        database.server().execute(database.name(),
                "SELECT pg_create_logical_replication_slot('outbox_it_wal', 'test_decoding')");
        try {
            Outbox outbox = outbox(CleanupMode.DELETE_AFTER_INSERT).build();

            OutboxEvent event = transactions.inTransaction(() -> {
                insertBusinessRow("o-8");
                return outbox.publish("orders", "o-8", "OrderPlaced", Map.of("orderId", "o-8"));
            });

            assertThat(database.count("business_row")).isEqualTo(1);
            assertThat(database.count("outbox_event")).isZero();
            assertThat(decodedChanges("outbox_it_wal"))
                    .anyMatch(change -> change.startsWith("table public.outbox_event: INSERT: id[uuid]:'" + event.id()))
                    .anyMatch(change -> change.startsWith("table public.outbox_event: DELETE: id[uuid]:'" + event.id()));
        } finally {
            database.server().execute(database.name(), "SELECT pg_drop_replication_slot('outbox_it_wal')");
        }
    }

    @Test
    void writesTraceparentFromTheTraceContext() {
        Outbox outbox = outbox(CleanupMode.RETAIN).traceContext(() -> Optional.of(TRACEPARENT)).build();

        OutboxEvent event = transactions.inTransaction(() -> outbox.publish("orders", "o-9", "OrderPlaced", Map.of()));

        assertThat(event.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(queryString("SELECT traceparent FROM outbox_event WHERE id = '" + event.id() + "'")).isEqualTo(TRACEPARENT);
    }

    @Test
    void writesNoTraceparentWhenTheTraceContextSuppliesAMalformedOne() {
        Outbox outbox = outbox(CleanupMode.RETAIN).traceContext(() -> Optional.of("not-a-traceparent")).build();

        OutboxEvent event = transactions.inTransaction(() -> outbox.publish("orders", "o-10", "OrderPlaced", Map.of()));

        assertThat(event.traceparent()).isNull();
        assertThat(queryString("SELECT traceparent FROM outbox_event WHERE id = '" + event.id() + "'")).isNull();
    }

    @Test
    void writesUniqueTimeOrderedIdsFromManyThreads() throws Exception {
        Outbox outbox = outbox(CleanupMode.RETAIN).build();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<OutboxEvent> written = new ArrayList<>();
        try {
            List<Callable<List<OutboxEvent>>> writers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int writer = thread;
                writers.add(() -> {
                    List<OutboxEvent> events = new ArrayList<>();
                    for (int batch = 0; batch < 5; batch++) {
                        transactions.inTransaction(() -> {
                            for (int i = 0; i < 100; i++) {
                                events.add(outbox.publish("orders", "w" + writer + "-" + events.size(), "OrderPlaced",
                                        Map.of()));
                            }
                        });
                    }
                    return events;
                });
            }
            for (Future<List<OutboxEvent>> result : threads.invokeAll(writers)) {
                List<OutboxEvent> events = result.get();
                assertThat(events).extracting(OutboxEvent::id).isSortedAccordingTo(UuidV7GeneratorTest.UNSIGNED);
                written.addAll(events);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(database.queryLong("SELECT count(DISTINCT id) FROM outbox_event")).isEqualTo(2000);
        for (OutboxEvent event : written) {
            long idMillis = event.id().getMostSignificantBits() >>> 16;
            assertThat(idMillis).isBetween(event.occurredAt().toEpochMilli() - 1000, event.occurredAt().toEpochMilli());
        }
        // PostgreSQL orders uuid like the generator does: by id is by time
        List<UUID> byId = queryIds("SELECT id FROM outbox_event ORDER BY id");
        assertThat(byId).isSortedAccordingTo(UuidV7GeneratorTest.UNSIGNED);
    }

    @Test
    void purgerRemovesOnlyRowsOlderThanTheRetention() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Outbox tenDaysAgo = outbox(CleanupMode.RETAIN).clock(Clock.fixed(now.minusSeconds(10 * 86_400), ZoneOffset.UTC)).build();
        Outbox oneDayAgo = outbox(CleanupMode.RETAIN).clock(Clock.fixed(now.minusSeconds(86_400), ZoneOffset.UTC)).build();
        for (int i = 0; i < 5; i++) {
            String id = "old-" + i;
            transactions.inTransaction(() -> tenDaysAgo.publish("orders", id, "OrderPlaced", Map.of()));
        }
        for (int i = 0; i < 3; i++) {
            String id = "new-" + i;
            transactions.inTransaction(() -> oneDayAgo.publish("orders", id, "OrderPlaced", Map.of()));
        }
        OutboxPurger purger = OutboxPurger.builder().dataSource(database.dataSource()).batchSize(2)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();

        assertThat(purger.purge()).isEqualTo(5);

        assertThat(database.queryLong("SELECT count(*) FROM outbox_event WHERE aggregateid LIKE 'new-%'")).isEqualTo(3);
        assertThat(database.count("outbox_event")).isEqualTo(3);
        assertThat(purger.purge()).isZero();
    }

    private OutboxBuilder outbox(CleanupMode cleanup) {
        return Outbox.builder().connectionSource(transactions).cleanupMode(cleanup);
    }

    private static void insertBusinessRow(String id) throws SQLException {
        try (PreparedStatement insert = transactions.currentTransactionConnection()
                .prepareStatement("INSERT INTO business_row (id) VALUES (?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
    }

    private static String queryString(String sql) {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> queryIds(String sql) {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> decodedChanges(String slot) {
        try (Connection connection = database.server().connectAsSuperuser(database.name());
                PreparedStatement peek = connection.prepareStatement(
                        "SELECT data FROM pg_logical_slot_peek_changes(?, NULL, NULL)")) {
            peek.setString(1, slot);
            try (ResultSet rows = peek.executeQuery()) {
                List<String> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(rows.getString(1));
                }
                return changes;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
