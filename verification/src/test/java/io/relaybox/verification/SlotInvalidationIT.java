package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PostgresExporter;
import io.relaybox.platform.SlotRecovery;
import io.relaybox.platform.PostgresServer;
import io.relaybox.platform.PrometheusApi;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * A replication slot that PostgreSQL invalidates (its connector was stopped while more WAL than
 * {@code max_slot_wal_keep_size} was written) raises {@code ReplicationSlotInvalidated}; the recovery of
 * docs/operations.md (drop the slot, forget the connector's offset, resume, publish the retained outbox rows again)
 * brings every event the payment database committed into Kafka, and the alert clears. Runs after the exactly-once
 * audit: the recovery publishes again events Kafka already holds, on purpose.
 */
@Order(101)
@ExtendWith(SharedPlatform.class)
class SlotInvalidationIT {

    private static final String CONNECTOR = "payment-outbox-source";
    private static final String SLOT = "relaybox_payment_outbox";
    private static final String DATABASE = "payment";

    @Test
    void anInvalidatedSlotFiresAndTheDocumentedRecoveryPublishesEveryCommittedEvent(LocalPlatform platform) throws Exception {
        assumeTrue(platform.prometheus().isPresent() && PostgresExporter.installed().isPresent(), "Prometheus or the PostgreSQL"
                + " exporter is not installed (apt-get install prometheus prometheus-postgres-exporter): the alert cannot be seen");
        PrometheusApi prometheus = platform.prometheus().get().api();
        PostgresServer postgres = platform.postgres();
        ConnectClient connect = platform.connectClient();
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        // payment events in Kafka before the stop, whatever ran before this test: the recovery republishes from the last one
        try (OrderEvents payments = new OrderEvents(platform.kafka().bootstrapServers(), EventTopics.PAYMENTS)) {
            Set<String> earlier = OrderLoad.place(api, new OrderGenerator(100), 3, 1);
            Set<String> earlierEvents = awaitPaymentEvents(platform, earlier).keySet();
            payments.awaitUntil(topic -> topic.eventIds(earlier).values().stream().flatMap(java.util.List::stream).collect(Collectors.toSet())
                    .containsAll(earlierEvents), Duration.ofMinutes(2));
        }
        Instant stoppedAt = Instant.now();

        connect.stop(CONNECTOR);
        // payments committed while the connector is stopped: in the WAL the slot keeps, not in Kafka
        Set<String> orders = OrderLoad.place(api, new OrderGenerator(101), 20, 2);
        Map<String, ServiceDatabases.CommittedEvent> committed = awaitPaymentEvents(platform, orders);
        try {
            // small enough to pass in a minute, large enough for the streaming slots, which confirm every few seconds
            postgres.execute("postgres", "ALTER SYSTEM SET max_slot_wal_keep_size = '128MB'");
            postgres.execute("postgres", "SELECT pg_reload_conf()");
            postgres.execute("postgres", "DROP DATABASE IF EXISTS wal_filler");
            postgres.execute("postgres", "CREATE DATABASE wal_filler");
            postgres.execute("wal_filler", "CREATE TABLE filler (v text)");
            Awaitility.await("slot " + SLOT + " invalidated").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        // about 4 MB more WAL and a checkpoint at each try, until PostgreSQL gives the slot up (the
                        // streaming slots, whose connectors confirm at least every 10 s, the heartbeat, stay well within 128 MB)
                        postgres.execute("wal_filler", "INSERT INTO filler SELECT repeat(md5(random()::text), 32) FROM generate_series(1, 4000)");
                        postgres.execute("postgres", "CHECKPOINT");
                        return "lost".equals(SuperuserQuery.text(postgres, "SELECT wal_status FROM pg_replication_slots WHERE slot_name = '"
                                + SLOT + "'"));
                    });
        } finally {
            postgres.execute("postgres", "ALTER SYSTEM SET max_slot_wal_keep_size = '2GB'");
            postgres.execute("postgres", "SELECT pg_reload_conf()");
            postgres.execute("postgres", "DROP DATABASE IF EXISTS wal_filler");
        }
        Awaitility.await("ReplicationSlotInvalidated firing").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5))
                .until(() -> prometheus.alerts().stream().anyMatch(alert -> alert.firing() && alert.name().equals("ReplicationSlotInvalidated")
                        && SLOT.equals(alert.labels().get("slot_name"))));

        // the platform's status says what happened and what recovers (Debezium would wait 30 minutes before failing)
        assertThat(SlotRecovery.lostSlots(connect, postgres.endpoint())).hasEntrySatisfying(CONNECTOR,
                advice -> assertThat(advice).contains(SLOT, "./platform recover-slot " + CONNECTOR));

        // the recovery of docs/operations.md, as ./platform recover-slot runs it; reads what the topic gets from now on
        try (OrderEvents payments = new OrderEvents(platform.kafka().bootstrapServers(), EventTopics.PAYMENTS)) {
            SlotRecovery.Outcome outcome = new SlotRecovery(connect, postgres.endpoint(), platform.kafka().bootstrapServers(), step -> {
            }).recover(CONNECTOR, Optional.empty(), Duration.ofMinutes(2));

            assertThat(outcome.since()).as("a minute before the last payment event in Kafka, which came before the stop")
                    .isBefore(stoppedAt).isAfter(stoppedAt.minus(Duration.ofMinutes(30)));
            assertThat(outcome.republished()).isGreaterThanOrEqualTo(committed.size());
            payments.awaitUntil(topic -> topic.eventIds(orders).values().stream().flatMap(java.util.List::stream).collect(Collectors.toSet())
                    .containsAll(committed.keySet()), Duration.ofMinutes(2));
        }
        assertThat(SuperuserQuery.text(postgres, "SELECT active::text FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'"))
                .isEqualTo("true");
        assertThat(SlotRecovery.lostSlots(connect, postgres.endpoint())).isEmpty();
        Awaitility.await("ReplicationSlotInvalidated cleared").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5))
                .until(() -> prometheus.alerts().stream().noneMatch(alert -> alert.name().equals("ReplicationSlotInvalidated")));
    }

    /** The payment events the payment database committed about the orders, once it committed one for each. */
    private static Map<String, ServiceDatabases.CommittedEvent> awaitPaymentEvents(LocalPlatform platform, Set<String> orders) {
        ServiceDatabases databases = new ServiceDatabases(platform);
        Awaitility.await("a payment event for every order").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> databases.paymentStatuses(orders).size() == orders.size());
        Map<String, ServiceDatabases.CommittedEvent> payments = databases.committedEvents(orders).entrySet().stream()
                .filter(e -> e.getValue().topic().equals(EventTopics.PAYMENTS))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(payments).as("payment events of the orders").isNotEmpty();
        return payments;
    }
}
