package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;
import io.relaybox.testkit.KafkaExtension;

/** Instances in one consumer group share the partitions; every event is applied once, each aggregate in order. */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
class ConsumerGroupIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    static ServiceDatabase database;
    static TestKafka kafka;

    private final Map<String, List<UUID>> published = new LinkedHashMap<>();

    @BeforeAll
    static void start(PostgresEndpoint server, KafkaEndpoint broker) {
        database = ServiceDatabase.create(server, "group_it");
        kafka = new TestKafka(broker);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void instancesInOneGroupSharePartitionsAndApplyEachEventOnce() {
        kafka.createTopic("group.events", 4);
        Inbox inboxA = inbox();
        Inbox inboxB = inbox();

        InboxConsumer a = kafka.startConsumer(inboxA, "group.events");
        InboxConsumer b = null;
        try {
            publish(40);
            b = kafka.startConsumer(inboxB, "group.events");
            InboxConsumer second = b;
            await().atMost(TIMEOUT).until(() -> !a.assignment().isEmpty() && !second.assignment().isEmpty()
                    && a.assignment().size() + second.assignment().size() == 4);
            publish(40);
            await().atMost(TIMEOUT).until(() -> database.applied("group") == 80);
            a.close();
            publish(20);
            await().atMost(TIMEOUT).until(() -> database.applied("group") == 100);
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }

        assertThat(database.count("SELECT count(DISTINCT event_id) FROM ledger WHERE consumer = 'group'"))
                .isEqualTo(100);
        published.forEach((aggregate, ids) -> assertThat(database.ledger("group", aggregate)).as(aggregate)
                .containsExactlyElementsOf(ids));
        assertThat(inboxA.metrics().applied()).isPositive();
        assertThat(inboxB.metrics().applied()).isPositive();
        assertThat(inboxA.metrics().applied() + inboxB.metrics().applied()).isEqualTo(100);
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            String aggregate = "cart-" + (i % 8);
            OutboxRecord record = OutboxRecord.of(aggregate, "ItemAdded");
            kafka.publish("group.events", record);
            published.computeIfAbsent(aggregate, key -> new ArrayList<>()).add(record.id());
        }
    }

    static Inbox inbox() {
        return Inbox.builder().consumer("group").transactions(database.transactions())
                .handler((event, connection) -> ServiceDatabase.record("group", event, connection)).build();
    }
}
