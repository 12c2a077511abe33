package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.relaybox.platform.PostgresEndpoint;
import tools.jackson.databind.json.JsonMapper;
import io.relaybox.testkit.PostgresExtension;

/**
 * The outbox table, its migration and publication, read by Debezium with the very settings of
 * {@code connect-config/connectors/orders-outbox-source.json}, produce the Kafka records the platform promises.
 * The embedded engine hands over Connect records after the transforms, before any converter.
 */
@ExtendWith(PostgresExtension.class)
class OutboxEventRouterIT {

    private static final String CONNECTOR_FILE = "orders-outbox-source.json";
    private static final String CDC_ROLE = "relaybox_cdc";
    private static final String CDC_PASSWORD = "cdc-pw";
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final JsonMapper JSON = JsonMapper.shared();

    static TestDatabase database;
    static Map<String, String> connector;
    static Outbox outbox;
    static JdbcTransactions transactions;
    static final AtomicReference<String> traceparent = new AtomicReference<>();
    static final ConcurrentLinkedQueue<SourceRecord> records = new ConcurrentLinkedQueue<>();
    static final AtomicReference<String> engineFailure = new AtomicReference<>();
    static ExecutorService engineThread;
    static DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

    record OrderPlaced(String orderId, String customerId, List<Line> lines, String total, Instant placedAt) {
    }

    record Line(String sku, int quantity) {
    }

    @BeforeAll
    static void startEngine(PostgresEndpoint server) {
        database = TestDatabase.create(server, "router_it");
        server.ensureRole(CDC_ROLE, CDC_PASSWORD, true);
        transactions = JdbcTransactions.of(database.dataSource());
        outbox = Outbox.builder().connectionSource(transactions)
                .traceContext(() -> Optional.ofNullable(traceparent.get())).build();
        connector = ConnectorJson.config(CONNECTOR_FILE);

        engineThread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "debezium-engine"));
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(engineProperties(server))
                .notifying(event -> records.add(event.record()))
                .using((success, message, error) -> {
                    if (!success) {
                        engineFailure.set(message + (error == null ? "" : ": " + error));
                    }
                })
                .build();
        engineThread.execute(engine);

        // events committed once the slot streams reach the connector (snapshot.mode=no_data reads nothing older)
        await().atMost(Duration.ofSeconds(60)).failFast("the Debezium engine stopped", () -> engineFailure.get() != null)
                .until(() -> slotIsStreaming(connector.get("slot.name")));
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (engineThread != null) {
            engineThread.shutdown();
            assertThat(engineThread.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        if (database != null && connector != null) {
            database.server().execute(database.name(), "SELECT pg_drop_replication_slot(slot_name) FROM"
                    + " pg_replication_slots WHERE slot_name = '" + connector.get("slot.name") + "'");
        }
    }

    @Test
    void routesEachEventToItsAggregateTopicWithKeyPayloadAndHeaders() {
        String orderId = UUID.randomUUID().toString();
        OrderPlaced placed = new OrderPlaced(orderId, "c-42", List.of(new Line("SKU-1", 2), new Line("SKU-2", 1)),
                "31.50", Instant.parse("2026-11-25T10:15:30.123456Z"));
        traceparent.set(TRACEPARENT);
        OutboxEvent event;
        try {
            event = transactions.inTransaction(() -> outbox.publish(
                    OutboxMessage.of("orders", orderId, "OrderPlaced", placed).withSchemaVersion(3)
                            .withHeaders(Map.of("tenant", "eu-1", "source", "web"))));
        } finally {
            traceparent.set(null);
        }

        SourceRecord record = awaitRecords(orderId, 1).get(0);

        assertThat(record.topic()).isEqualTo("orders.events");
        assertThat(record.key()).isEqualTo(orderId);
        assertThat(JSON.readTree((String) record.value())).isEqualTo(JSON.readTree(JSON.writeValueAsString(placed)));
        assertThat(header(record, "id")).isEqualTo(event.id().toString());
        assertThat(header(record, "type")).isEqualTo("OrderPlaced");
        assertThat(header(record, "schemaversion")).isEqualTo(3);
        assertThat(Instant.parse((String) header(record, "occurredat"))).isEqualTo(event.occurredAt());
        assertThat(header(record, "traceparent")).isEqualTo(TRACEPARENT);
        assertThat(JSON.readTree((String) header(record, "headers")))
                .isEqualTo(JSON.readTree("{\"tenant\":\"eu-1\",\"source\":\"web\"}"));
    }

    @Test
    void carriesNullTraceparentAndHeadersWhenThereAreNone() {
        String orderId = UUID.randomUUID().toString();
        transactions.inTransaction(() -> outbox.publish("orders", orderId, "OrderCancelled", Map.of("orderId", orderId)));

        SourceRecord record = awaitRecords(orderId, 1).get(0);

        assertThat(header(record, "schemaversion")).isEqualTo(1);
        assertThat(record.headers().lastWithName("traceparent")).isNotNull();
        assertThat(header(record, "traceparent")).isNull();
        assertThat(header(record, "headers")).isNull();
    }

    @Test
    void routesByAggregateType() {
        String paymentId = UUID.randomUUID().toString();
        transactions.inTransaction(() -> outbox.publish("payments", paymentId, "PaymentProcessed", Map.of("amount", 5)));

        assertThat(awaitRecords(paymentId, 1).get(0).topic()).isEqualTo("payments.events");
    }

    @Test
    void emitsOneRecordPerEventInCommitOrderAndNothingForTheDeletes() {
        String orderId = UUID.randomUUID().toString();
        List<OutboxEvent> written = transactions.inTransaction(() -> List.of(
                outbox.publish("orders", orderId, "OrderPlaced", Map.of("step", 1)),
                outbox.publish("orders", orderId, "OrderConfirmed", Map.of("step", 2)),
                outbox.publish("orders", orderId, "OrderShipped", Map.of("step", 3))));
        // a later transaction: once its event is through, everything the first one caused has been emitted
        String sentinel = UUID.randomUUID().toString();
        transactions.inTransaction(() -> outbox.publish("orders", sentinel, "OrderPlaced", Map.of()));
        awaitRecords(sentinel, 1);

        assertThat(database.count("outbox_event")).isZero();
        assertThat(recordsFor(orderId)).extracting(record -> header(record, "id"))
                .containsExactly(written.stream().map(event -> event.id().toString()).toArray());
        assertThat(records).allSatisfy(record -> {
            assertThat(record.value()).as("no tombstones or delete events").isNotNull();
            assertThat(record.topic()).as("only routed outbox events (or heartbeats)")
                    .matches(topic -> topic.endsWith(".events") || topic.startsWith("__debezium-heartbeat"));
        });
    }

    @Test
    void heartbeatActionQueryRunsAsTheCdcRole() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.server().jdbcUrl(database.name()), CDC_ROLE,
                CDC_PASSWORD); Statement statement = connection.createStatement()) {
            assertThat(statement.execute(connector.get("heartbeat.action.query"))).isTrue();
        }
    }

    private static List<SourceRecord> awaitRecords(String aggregateId, int count) {
        await().atMost(Duration.ofSeconds(30)).failFast("the Debezium engine stopped", () -> engineFailure.get() != null)
                .until(() -> recordsFor(aggregateId).size() >= count);
        List<SourceRecord> found = recordsFor(aggregateId);
        assertThat(found).hasSize(count);
        return found;
    }

    private static List<SourceRecord> recordsFor(String aggregateId) {
        return records.stream().filter(record -> aggregateId.equals(record.key())).toList();
    }

    private static Object header(SourceRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        assertThat(header).as("header " + name).isNotNull();
        return header.value();
    }

    private static Properties engineProperties(PostgresEndpoint server) {
        Properties properties = new Properties();
        connector.forEach(properties::setProperty);
        // the connection: this test's database instead of the platform's
        properties.setProperty("database.hostname", server.host());
        properties.setProperty("database.port", Integer.toString(server.port()));
        properties.setProperty("database.dbname", database.name());
        properties.setProperty("database.user", CDC_ROLE);
        properties.setProperty("database.password", CDC_PASSWORD);
        // what the Connect worker would otherwise provide
        properties.setProperty("name", connector.getOrDefault("name", "orders-outbox-source") + "-it");
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.setProperty("offset.flush.interval.ms", "1000");
        properties.forEach((key, value) -> {
            if (value.toString().contains("${env:")) {
                throw new IllegalStateException(key + " still refers to a config provider (" + value
                        + "); the embedded engine cannot resolve it: override it here");
            }
        });
        return properties;
    }

    private static boolean slotIsStreaming(String slot) throws SQLException {
        try (Connection connection = database.server().connectAsSuperuser(database.name());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
