package io.relaybox.outbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.outbox.CleanupMode;
import io.relaybox.outbox.JdbcTransactions;
import io.relaybox.outbox.PayloadValidation;
import io.relaybox.outbox.PayloadValidator;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.TestDatabase;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;

/** The inbox on a real PostgreSQL migrated with the library's migration, as a service's Flyway would. */
@ExtendWith(PostgresExtension.class)
class InboxIT {

    static TestDatabase database;
    static JdbcTransactions transactions;

    private final AtomicInteger handled = new AtomicInteger();

    @BeforeAll
    static void createDatabase(PostgresEndpoint server) {
        database = TestDatabase.create(server, "inbox_it");
        database.execute("CREATE TABLE effect (event_id uuid, aggregate_id text, n serial,"
                + " quantity int CHECK (quantity >= 0))");
        transactions = JdbcTransactions.of(database.dataSource());
    }

    @BeforeEach
    void emptyTables() {
        database.execute("TRUNCATE effect, processed_event, parked_event, outbox_event");
    }

    @Test
    void appliesTheEffectAndRecordsTheEventInOneTransaction() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent event = event("o-1");

        assertThat(inbox.receive(event)).isEqualTo(InboxResult.APPLIED);

        assertThat(database.count("effect")).isEqualTo(1);
        assertThat(database.queryLong("SELECT count(*) FROM processed_event WHERE consumer = 'inventory'"
                + " AND event_id = '" + event.id() + "'")).isEqualTo(1);
        assertThat(inbox.metrics().applied()).isEqualTo(1);
    }

    @Test
    void skipsEventAlreadyProcessed() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent event = event("o-1");
        inbox.receive(event);

        assertThat(inbox.receive(event)).isEqualTo(InboxResult.SKIPPED_DUPLICATE);

        assertThat(handled).hasValue(1);
        assertThat(database.count("effect")).isEqualTo(1);
        assertThat(inbox.metrics()).extracting(InboxMetrics::applied, InboxMetrics::duplicatesSkipped)
                .containsExactly(1L, 1L);
    }

    @Test
    void keepsSeparateRecordsPerConsumer() {
        InboxEvent event = event("o-1");

        assertThat(inbox("inventory", this::insertEffect).receive(event)).isEqualTo(InboxResult.APPLIED);
        assertThat(inbox("payment", this::insertEffect).receive(event)).isEqualTo(InboxResult.APPLIED);

        assertThat(database.count("effect")).isEqualTo(2);
    }

    @Test
    void rollsBackEffectAndRecordWhenTheHandlerFails() {
        AtomicInteger attempts = new AtomicInteger();
        Inbox inbox = inbox("inventory", (event, connection) -> {
            insertEffect(event, connection);
            if (attempts.incrementAndGet() == 1) {
                throw new SQLTransientConnectionException("connection reset");
            }
        });
        InboxEvent event = event("o-1");

        assertThatThrownBy(() -> inbox.receive(event)).isInstanceOfSatisfying(EventHandlingException.class, e -> {
            assertThat(e.type()).isEqualTo(FailureType.TRANSIENT);
            assertThat(e.eventId()).isEqualTo(event.id());
            assertThat(e).hasMessageContaining("failed in consumer inventory (transient)")
                    .cause().isInstanceOf(SQLTransientConnectionException.class);
        });
        assertThat(database.count("effect")).isZero();
        assertThat(database.count("processed_event")).isZero();

        assertThat(inbox.receive(event)).isEqualTo(InboxResult.APPLIED);
        assertThat(database.count("effect")).isEqualTo(1);
        assertThat(inbox.metrics()).extracting(InboxMetrics::applied, InboxMetrics::retried).containsExactly(1L, 1L);
    }

    @Test
    void reportsAHandlersValidationErrorAsPermanent() {
        Inbox inbox = inbox("inventory", (event, connection) -> {
            insertEffect(event, connection);
            throw new PermanentEventFailure("quantity must be positive");
        });

        assertThatThrownBy(() -> inbox.receive(event("o-1")))
                .isInstanceOfSatisfying(EventHandlingException.class,
                        e -> assertThat(e.type()).isEqualTo(FailureType.PERMANENT))
                .hasRootCauseMessage("quantity must be positive");
        assertThat(database.count("effect")).isZero();
        assertThat(inbox.metrics().retried()).isZero();
    }

    @Test
    void refusesAPayloadThatBreaksItsContractBeforeTheHandlerSeesIt() {
        Inbox inbox = Inbox.builder().consumer("inventory").transactions(transactions).handler(this::insertEffect)
                .payloadValidator(QUANTITY_REQUIRED, PayloadValidation.STRICT).build();

        assertThatThrownBy(() -> inbox.receive(event("o-1")))
                .isInstanceOfSatisfying(EventHandlingException.class, e -> {
                    assertThat(e.type()).isEqualTo(FailureType.PERMANENT);
                    assertThat(e.getCause()).isInstanceOfSatisfying(EventContractViolationException.class, violation -> {
                        assertThat(violation.violations()).containsExactly("/quantity: required");
                        assertThat(violation.reason()).isEqualTo("schema");
                    });
                });
        assertThat(handled).hasValue(0);
        assertThat(database.count("effect")).isZero();
        assertThat(database.count("processed_event")).isZero();
    }

    @Test
    void handlesAPayloadThatBreaksItsContractWhenOnlyWarned() {
        Inbox inbox = Inbox.builder().consumer("inventory").transactions(transactions).handler(this::insertEffect)
                .payloadValidator(QUANTITY_REQUIRED, PayloadValidation.WARN).build();

        assertThat(inbox.receive(event("o-1"))).isEqualTo(InboxResult.APPLIED);
        assertThat(database.count("effect")).isEqualTo(1);
    }

    @Test
    void leavesTheEventsItsHandlerIgnoresUnchecked() {
        Inbox inbox = Inbox.builder().consumer("notification").transactions(transactions)
                .handler(EventHandlers.builder().ignore("OrderPlaced").build())
                .payloadValidator(QUANTITY_REQUIRED, PayloadValidation.STRICT).build();

        assertThat(inbox.receive(event("o-1"))).isEqualTo(InboxResult.APPLIED);
    }

    @Test
    void reportsAConstraintViolationAsPermanent() {
        Inbox inbox = inbox("inventory", (event, connection) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO effect (quantity) VALUES (-1)")) {
                insert.executeUpdate();
            }
        });

        assertThatThrownBy(() -> inbox.receive(event("o-1"))).isInstanceOfSatisfying(EventHandlingException.class,
                e -> assertThat(e.type()).isEqualTo(FailureType.PERMANENT));
        assertThat(database.count("processed_event")).isZero();
    }

    @Test
    void appliesConcurrentDeliveriesOfOneEventOnce() throws Exception {
        CountDownLatch firstInHandler = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Inbox inbox = inbox("inventory", (event, connection) -> {
            insertEffect(event, connection);
            firstInHandler.countDown();
            assertThat(releaseFirst.await(30, TimeUnit.SECONDS)).isTrue();
        });
        InboxEvent event = event("o-1");

        CompletableFuture<InboxResult> first = CompletableFuture.supplyAsync(() -> inbox.receive(event));
        assertThat(firstInHandler.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<InboxResult> second = CompletableFuture.supplyAsync(() -> inbox.receive(event));
        // the second delivery waits on the first one's primary-key entry
        await().atMost(Duration.ofSeconds(30)).until(() -> database.queryLong("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = 'inbox_it' AND wait_event_type = 'Lock'") == 1);
        releaseFirst.countDown();

        assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                .containsExactly(InboxResult.APPLIED, InboxResult.SKIPPED_DUPLICATE);
        assertThat(database.count("effect")).isEqualTo(1);
    }

    @Test
    void publishesTheHandlersOutboxEventInTheSameTransaction() {
        Outbox outbox = Outbox.builder().connectionSource(transactions).cleanupMode(CleanupMode.RETAIN).build();
        AtomicInteger attempts = new AtomicInteger();
        Inbox inbox = inbox("inventory", (event, connection) -> {
            insertEffect(event, connection);
            outbox.publish("inventory", event.aggregateId(), "StockReserved", Map.of("orderId", event.aggregateId()));
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("deadlock detected", "40P01");
            }
        });
        InboxEvent event = event("o-1");

        assertThatThrownBy(() -> inbox.receive(event)).isInstanceOf(EventHandlingException.class);
        assertThat(database.count("outbox_event")).isZero();
        assertThat(database.count("effect")).isZero();

        inbox.receive(event);
        inbox.receive(event);

        assertThat(database.count("outbox_event")).isEqualTo(1);
        assertThat(database.count("effect")).isEqualTo(1);
    }

    @Test
    void parksTheLaterEventsOfADeadLetteredAggregate() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent poison = event("o-1");
        InboxEvent later = event("o-1");
        InboxEvent otherAggregate = event("o-2");

        inbox.deadLetter(poison.id(), poison.aggregateId(), poison.type(), new PermanentEventFailure("bad"));

        assertThat(inbox.receive(later)).isEqualTo(InboxResult.PARKED);
        assertThat(inbox.receive(later)).isEqualTo(InboxResult.PARKED);
        assertThat(inbox.receive(otherAggregate)).isEqualTo(InboxResult.APPLIED);
        assertThat(inbox.parkedBehind("o-1")).contains(poison.id());
        assertThat(inbox.parkedBehind("o-2")).isEmpty();
        assertThat(effects("o-1")).isEmpty();
        assertThat(database.queryLong("SELECT count(*) FROM processed_event WHERE event_id = '" + later.id() + "'"))
                .isZero();
        assertThat(inbox.metrics()).extracting(InboxMetrics::deadLettered, InboxMetrics::parked)
                .containsExactly(1L, 2L);
    }

    @Test
    void releasesParkedEventsInTheirOrderWhenTheyAreDeliveredAgain() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent poison = event("o-1");
        InboxEvent second = event("o-1");
        InboxEvent third = event("o-1");
        inbox.deadLetter(poison.id(), "o-1", poison.type(), new PermanentEventFailure("bad"));
        inbox.receive(second);
        inbox.receive(third);

        assertThat(inbox.receive(third)).as("out of order").isEqualTo(InboxResult.PARKED);
        assertThat(inbox.receive(poison)).isEqualTo(InboxResult.APPLIED);
        assertThat(inbox.parkedBehind("o-1")).contains(second.id());
        assertThat(inbox.receive(second)).isEqualTo(InboxResult.APPLIED);
        assertThat(inbox.receive(third)).isEqualTo(InboxResult.APPLIED);
        InboxEvent live = event("o-1");
        assertThat(inbox.receive(live)).isEqualTo(InboxResult.APPLIED);

        assertThat(effects("o-1")).containsExactly(poison.id(), second.id(), third.id(), live.id());
        assertThat(database.count("parked_event")).isZero();
        assertThat(inbox.metrics().released()).isEqualTo(3);
    }

    @Test
    void keepsADeadLetterFirstWhenItFailsAgain() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent poison = event("o-1");
        InboxEvent later = event("o-1");
        inbox.deadLetter(poison.id(), "o-1", poison.type(), new PermanentEventFailure("bad"));
        inbox.receive(later);

        inbox.deadLetter(poison.id(), "o-1", poison.type(), new UnknownEventTypeException("still unknown"));

        assertThat(inbox.parkedBehind("o-1")).contains(poison.id());
        assertThat(database.queryLong("SELECT count(*) FROM parked_event WHERE reason LIKE '%still unknown'"))
                .isEqualTo(1);
    }

    @Test
    void skipsADuplicateOfAnAppliedEventWhileItsAggregateIsParked() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent applied = event("o-1");
        inbox.receive(applied);
        InboxEvent poison = event("o-1");
        inbox.deadLetter(poison.id(), "o-1", poison.type(), new PermanentEventFailure("bad"));

        assertThat(inbox.receive(applied)).isEqualTo(InboxResult.SKIPPED_DUPLICATE);

        assertThat(database.count("parked_event")).isEqualTo(1);
    }

    @Test
    void movesTheAggregateOnWhenAnOperatorMarkedItsDeadLetterProcessed() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent poison = event("o-1");
        InboxEvent later = event("o-1");
        inbox.deadLetter(poison.id(), "o-1", poison.type(), new PermanentEventFailure("bad"));
        inbox.receive(later);
        database.execute("INSERT INTO processed_event (consumer, event_id) VALUES ('inventory', '" + poison.id() + "')");

        assertThat(inbox.receive(poison)).isEqualTo(InboxResult.SKIPPED_DUPLICATE);
        assertThat(inbox.receive(later)).isEqualTo(InboxResult.APPLIED);

        assertThat(effects("o-1")).containsExactly(later.id());
    }

    @Test
    void countsADeadLetterWithoutIdWithoutParkingAnything() {
        Inbox inbox = inbox("inventory", this::insertEffect);

        inbox.deadLetter(null, "o-1", null, new PermanentEventFailure("no id header"));

        assertThat(inbox.metrics().deadLettered()).isEqualTo(1);
        assertThat(database.count("parked_event")).isZero();
        assertThat(inbox.receive(event("o-1"))).isEqualTo(InboxResult.APPLIED);
    }

    @Test
    void appliesABatchInOrderAndSkipsItsDuplicatesEvenWithinTheBatch() {
        InboxEvent earlier = event("o-1");
        InboxEvent first = event("o-1");
        InboxEvent second = event("o-1");
        Inbox inbox = inbox("inventory", this::insertEffect);
        assertThat(inbox.receive(earlier)).isEqualTo(InboxResult.APPLIED);

        assertThat(inbox.receiveAll(List.of(first, earlier, second, first))).contains(
                List.of(InboxResult.APPLIED, InboxResult.SKIPPED_DUPLICATE, InboxResult.APPLIED, InboxResult.SKIPPED_DUPLICATE));

        assertThat(effects("o-1")).containsExactly(earlier.id(), first.id(), second.id());
        assertThat(inbox.metrics()).extracting(InboxMetrics::applied, InboxMetrics::duplicatesSkipped, InboxMetrics::batchesRolledBack)
                .containsExactly(3L, 2L, 0L);
    }

    @Test
    void rollsBackTheWholeBatchWhenAHandlerFailsAndCountsNothing() {
        InboxEvent poison = event("o-2");
        Inbox inbox = inbox("inventory", (event, connection) -> {
            insertEffect(event, connection);
            if (event.equals(poison)) {
                throw new PermanentEventFailure("quantity must be positive");
            }
        });

        assertThat(inbox.receiveAll(List.of(event("o-1"), poison, event("o-3")))).isEmpty();

        assertThat(database.count("effect")).isZero();
        assertThat(database.count("processed_event")).isZero();
        assertThat(inbox.metrics()).extracting(InboxMetrics::applied, InboxMetrics::retried, InboxMetrics::batchesRolledBack)
                .containsExactly(0L, 0L, 1L);
    }

    @Test
    void rollsBackABatchInWhichAnEventWouldBeParked() {
        Inbox inbox = inbox("inventory", this::insertEffect);
        InboxEvent poison = event("o-1");
        inbox.deadLetter(poison.id(), "o-1", poison.type(), new PermanentEventFailure("bad"));
        InboxEvent flowing = event("o-2");

        assertThat(inbox.receiveAll(List.of(flowing, event("o-1")))).isEmpty();

        assertThat(database.count("effect")).isZero();
        assertThat(database.count("parked_event")).as("the dead letter only").isEqualTo(1);
        assertThat(inbox.metrics().batchesRolledBack()).isEqualTo(1);
        assertThat(inbox.receive(flowing)).isEqualTo(InboxResult.APPLIED);
    }

    @Test
    void locksABatchsRowsOnceInItsTransactionBeforeItsFirstEventAndNeverForAnEventAlone() {
        List<String> calls = new java.util.ArrayList<>();
        EventHandler handler = EventHandlers.builder()
                .on("OrderPlaced", 1, (event, connection) -> {
                    calls.add("handle " + event.aggregateId());
                    insertEffect(event, connection);
                })
                .beforeBatch((events, connection) -> {
                    assertThat(connection.getAutoCommit()).as("inside the batch's transaction").isFalse();
                    calls.add("lock " + events.stream().map(InboxEvent::aggregateId).toList());
                })
                .build();
        Inbox inbox = inbox("inventory", handler);

        inbox.receiveAll(List.of(event("o-1"), event("o-2")));
        inbox.receive(event("o-3"));

        assertThat(calls).containsExactly("lock [o-1, o-2]", "handle o-1", "handle o-2", "handle o-3");
    }

    @Test
    void rollsBackTheBatchWhenItsLocksFail() {
        EventHandler handler = EventHandlers.builder().on("OrderPlaced", 1, this::insertEffect)
                .beforeBatch((events, connection) -> {
                    throw new java.sql.SQLException("deadlock detected", "40P01");
                })
                .build();
        Inbox inbox = inbox("inventory", handler);

        assertThat(inbox.receiveAll(List.of(event("o-1"), event("o-2")))).isEmpty();

        assertThat(database.count("processed_event")).isZero();
        assertThat(inbox.metrics().batchesRolledBack()).isEqualTo(1);
        assertThat(inbox.receive(event("o-1"))).as("alone, without batch locks").isEqualTo(InboxResult.APPLIED);
    }

    /** A contract that wants a quantity, which {@link #event} never has. */
    private static final PayloadValidator QUANTITY_REQUIRED = (type, version, payload) -> payload.contains("\"quantity\"") ? List.of()
            : List.of("/quantity: required");

    private Inbox inbox(String consumer, EventHandler handler) {
        return Inbox.builder().consumer(consumer).transactions(transactions).handler(handler).build();
    }

    private static InboxEvent event(String aggregateId) {
        return InboxEvent.of(UUID.randomUUID(), "OrderPlaced", aggregateId, "{\"orderId\":\"" + aggregateId + "\"}");
    }

    private void insertEffect(InboxEvent event, Connection connection) throws SQLException {
        handled.incrementAndGet();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO effect (event_id, aggregate_id) VALUES (?, ?)")) {
            insert.setObject(1, event.id());
            insert.setString(2, event.aggregateId());
            insert.executeUpdate();
        }
    }

    private static List<UUID> effects(String aggregateId) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT event_id FROM effect WHERE aggregate_id = ? ORDER BY n")) {
            select.setString(1, aggregateId);
            try (var rows = select.executeQuery()) {
                List<UUID> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
