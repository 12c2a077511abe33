package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresServer;
import io.relaybox.testkit.PostgresExtension;
import io.relaybox.testkit.KafkaExtension;

/** Transient failures are retried with backoff until the event applies: nothing is skipped, order is kept. */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@SuppressWarnings("try") // a consumer in try-with-resources runs for its effect and is closed at the end
class TransientFailureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static PostgresServer postgres;
    static ServiceDatabase database;
    static TestKafka kafka;

    @BeforeAll
    static void start(PostgresServer server, KafkaEndpoint broker) {
        postgres = server;
        database = ServiceDatabase.create(server.endpoint(), "transient_it");
        kafka = new TestKafka(broker);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void retriesAHandlerFailingTransientlyUntilItAppliesInOrder() throws Exception {
        kafka.createTopic("flaky.events", 3);
        OutboxRecord first = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord flaky = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord third = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord other = OutboxRecord.of("cart-2", "ItemAdded");
        Map<UUID, Integer> failures = new ConcurrentHashMap<>();
        EventHandler handler = (event, connection) -> {
            if (event.id().equals(flaky.id()) && failures.merge(event.id(), 1, Integer::sum) <= 3) {
                throw new SQLTransientConnectionException("connection reset by peer");
            }
            ServiceDatabase.record("flaky", event, connection);
        };
        Inbox inbox = Inbox.builder().consumer("flaky").transactions(database.transactions()).handler(handler).build();
        kafka.publish("flaky.events", first, flaky, third, other);

        try (InboxConsumer consumer = kafka.startConsumer(inbox, "flaky.events")) {
            await().atMost(TIMEOUT).until(() -> database.applied("flaky") == 4);
        }

        assertThat(database.ledger("flaky", "cart-1")).containsExactly(first.id(), flaky.id(), third.id());
        assertThat(inbox.metrics()).extracting("applied", "retried", "deadLettered").containsExactly(4L, 3L, 0L);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain("flaky.events.dlq");
        }
    }

    @Test
    void retriesWhilePostgresIsDownAndAppliesEverythingOnceWhenItIsBack() {
        kafka.createTopic("outage.events", 3);
        Inbox inbox = Inbox.builder().consumer("outage").transactions(database.transactions())
                .handler((event, connection) -> ServiceDatabase.record("outage", event, connection)).build();
        OutboxRecord warmUp = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord[] duringOutage = { OutboxRecord.of("cart-1", "ItemAdded"), OutboxRecord.of("cart-2", "ItemAdded"),
                OutboxRecord.of("cart-1", "ItemRemoved"), OutboxRecord.of("cart-2", "ItemRemoved") };

        try (InboxConsumer consumer = kafka.startConsumer(inbox, "outage.events")) {
            kafka.publish("outage.events", warmUp);
            await().atMost(TIMEOUT).until(() -> database.applied("outage") == 1);
            postgres.stop();
            try {
                kafka.publish("outage.events", duringOutage);
                await().atMost(TIMEOUT).until(() -> inbox.metrics().retried() >= 3);
            } finally {
                postgres.start(Duration.ofSeconds(60));
            }
            await().atMost(TIMEOUT).until(() -> database.applied("outage") == 5);
        }

        assertThat(database.ledger("outage", "cart-1"))
                .containsExactly(warmUp.id(), duringOutage[0].id(), duringOutage[2].id());
        assertThat(database.ledger("outage", "cart-2")).containsExactly(duringOutage[1].id(), duringOutage[3].id());
        assertThat(inbox.metrics()).extracting("applied", "duplicatesSkipped", "deadLettered").containsExactly(5L, 0L,
                0L);
    }
}
