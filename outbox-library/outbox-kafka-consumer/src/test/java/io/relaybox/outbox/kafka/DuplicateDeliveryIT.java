package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.outbox.inbox.EventHandlers;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;
import tools.jackson.databind.JsonNode;
import io.relaybox.testkit.KafkaExtension;

/** Records delivered more than once (a copy published again, a rewound group) are applied once. */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@SuppressWarnings("try") // a consumer in try-with-resources runs for its effect and is closed at the end
class DuplicateDeliveryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static ServiceDatabase database;
    static TestKafka kafka;

    @BeforeAll
    static void start(PostgresEndpoint server, KafkaEndpoint broker) {
        database = ServiceDatabase.create(server, "duplicates_it");
        kafka = new TestKafka(broker);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void appliesACopyPublishedAgainOnceAndCountsIt() {
        kafka.createTopic("copies.events", 3);
        Inbox inbox = inbox("copies");
        OutboxRecord first = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord second = OutboxRecord.of("cart-1", "ItemAdded");
        kafka.publish("copies.events", first, second);

        try (InboxConsumer consumer = kafka.startConsumer(inbox, "copies.events")) {
            await().atMost(TIMEOUT).until(() -> database.applied("copies") == 2);
            kafka.publish("copies.events", first);
            OutboxRecord third = OutboxRecord.of("cart-1", "ItemAdded");
            kafka.publish("copies.events", third);

            await().atMost(TIMEOUT).until(() -> database.applied("copies") == 3);
            await().atMost(TIMEOUT).until(() -> consumer.metrics().duplicatesSkipped() == 1);
            assertThat(database.ledger("copies", "cart-1")).containsExactly(first.id(), second.id(), third.id());
            assertThat(consumer.metrics().applied()).isEqualTo(3);
        }
    }

    @Test
    void skipsEveryRecordAgainWhenTheGroupIsRewound() {
        kafka.createTopic("rewound.events", 3);
        OutboxRecord[] records = new OutboxRecord[6];
        for (int i = 0; i < records.length; i++) {
            records[i] = OutboxRecord.of("cart-" + (i % 3), "ItemAdded");
        }
        kafka.publish("rewound.events", records);
        try (InboxConsumer consumer = kafka.startConsumer(inbox("rewound"), "rewound.events")) {
            await().atMost(TIMEOUT).until(() -> database.applied("rewound") == 6);
        }

        kafka.rewind("rewound", "rewound.events", 3);
        Inbox restarted = inbox("rewound");
        try (InboxConsumer consumer = kafka.startConsumer(restarted, "rewound.events")) {
            await().atMost(TIMEOUT).until(() -> restarted.metrics().duplicatesSkipped() == 6);
        }

        assertThat(restarted.metrics().applied()).isZero();
        assertThat(database.applied("rewound")).isEqualTo(6);
        assertThat(kafka.committed("rewound", "rewound.events").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(6);
    }

    @Test
    void appliesBatchesInOrderAndSkipsTheCopiesWithinThem() {
        kafka.createTopic("batched.events", 1);
        List<OutboxRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(OutboxRecord.of("cart-" + (i % 3), "ItemAdded"));
        }
        List<OutboxRecord> published = new ArrayList<>(records);
        published.addAll(150, records.subList(100, 150)); // copies, some in the batch of their originals
        kafka.publish("batched.events", published.toArray(OutboxRecord[]::new));
        Set<Long> transactions = ConcurrentHashMap.newKeySet();
        Inbox inbox = Inbox.builder().consumer("batched").transactions(database.transactions())
                .handler(EventHandlers.builder().on("ItemAdded", 1, JsonNode.class, (event, payload, connection) -> {
                    ServiceDatabase.record("batched", event, connection);
                    try (var statement = connection.createStatement(); var row = statement.executeQuery("SELECT txid_current()")) {
                        row.next();
                        transactions.add(row.getLong(1));
                    }
                }).build())
                .build();

        try (InboxConsumer consumer = kafka.consumer(inbox, "batched.events").maxBatch(100).build().start()) {
            await().atMost(TIMEOUT).until(() -> kafka.committed("batched", "batched.events").getOrDefault(0, 0L) == 350);
        }

        for (int cart = 0; cart < 3; cart++) {
            int c = cart;
            assertThat(database.ledger("batched", "cart-" + cart)).as("cart-%d", cart).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 300).filter(i -> i % 3 == c).mapToObj(i -> records.get(i).id()).toList());
        }
        assertThat(inbox.metrics()).extracting("applied", "duplicatesSkipped").containsExactly(300L, 50L);
        assertThat(transactions).as("database transactions that applied the 300 events").hasSizeBetween(3, 30);
    }

    static Inbox inbox(String consumer) {
        return Inbox.builder().consumer(consumer).transactions(database.transactions())
                .handler(EventHandlers.builder()
                        .on("ItemAdded", 1, JsonNode.class,
                                (event, payload, connection) -> ServiceDatabase.record(consumer, event, connection))
                        .build())
                .build();
    }
}
