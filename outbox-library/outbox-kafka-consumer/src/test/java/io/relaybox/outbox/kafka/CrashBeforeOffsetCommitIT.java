package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;
import io.relaybox.testkit.KafkaExtension;

/**
 * A consumer that dies after its database commit and before its offset commit: Kafka delivers the records again and
 * the inbox skips them, so every effect happens once.
 */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@SuppressWarnings("try") // a consumer in try-with-resources runs for its effect and is closed at the end
class CrashBeforeOffsetCommitIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static ServiceDatabase database;
    static TestKafka kafka;

    @BeforeAll
    static void start(PostgresEndpoint server, KafkaEndpoint broker) {
        database = ServiceDatabase.create(server, "crash_it");
        kafka = new TestKafka(broker);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void skipsTheRedeliveredRecordsOfAConsumerThatDiedBeforeItsOffsetCommit() {
        kafka.createTopic("crash.events", 2);
        for (int i = 0; i < 6; i++) {
            kafka.publish("crash.events", OutboxRecord.of("cart-" + (i % 3), "ItemAdded"));
        }
        Inbox dying = inbox("crash");
        InboxConsumer first = kafka.consumer(dying, "crash.events").commitBarrier(offsets -> {
            throw new IllegalStateException("killed between the database commit and the offset commit");
        }).build().start();
        await().atMost(TIMEOUT).until(() -> !first.isRunning());
        first.close();
        long appliedBeforeTheCrash = database.applied("crash");

        assertThat(first.failure()).get(InstanceOfAssertFactories.THROWABLE).hasMessageContaining("killed between");
        assertThat(appliedBeforeTheCrash).isPositive();
        assertThat(kafka.committed("crash", "crash.events")).isEmpty();

        Inbox restarted = inbox("crash");
        try (InboxConsumer second = kafka.startConsumer(restarted, "crash.events")) {
            await().atMost(TIMEOUT).until(() -> database.applied("crash") == 6
                    && restarted.metrics().duplicatesSkipped() == appliedBeforeTheCrash);
        }
        assertThat(restarted.metrics().applied()).isEqualTo(6 - appliedBeforeTheCrash);
        assertThat(database.count("SELECT count(DISTINCT event_id) FROM ledger WHERE consumer = 'crash'")).isEqualTo(6);
        assertThat(kafka.committed("crash", "crash.events").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(6);
    }

    @Test
    void pausesAtTheBarrierWithTheEffectCommittedAndTheOffsetNot() throws Exception {
        kafka.createTopic("paused.events", 1);
        OutboxRecord record = OutboxRecord.of("cart-1", "ItemAdded");
        CountDownLatch atBarrier = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Map<TopicPartition, OffsetAndMetadata>> seen = new AtomicReference<>();
        kafka.publish("paused.events", record);

        try (InboxConsumer consumer = kafka.consumer(inbox("paused"), "paused.events").commitBarrier(offsets -> {
            seen.set(offsets);
            atBarrier.countDown();
            release.await(30, TimeUnit.SECONDS);
        }).build().start()) {
            try {
                assertThat(atBarrier.await(60, TimeUnit.SECONDS)).isTrue();

                assertThat(database.ledger("paused", "cart-1")).containsExactly(record.id());
                assertThat(kafka.committed("paused", "paused.events")).isEmpty();
                assertThat(seen.get()).containsOnlyKeys(new TopicPartition("paused.events", 0));
                assertThat(seen.get().get(new TopicPartition("paused.events", 0)).offset()).isEqualTo(1);
            } finally {
                release.countDown();
            }
            await().atMost(TIMEOUT).until(() -> kafka.committed("paused", "paused.events").getOrDefault(0, 0L) == 1);
        }
    }

    static Inbox inbox(String consumer) {
        return Inbox.builder().consumer(consumer).transactions(database.transactions())
                .handler((event, connection) -> ServiceDatabase.record(consumer, event, connection)).build();
    }
}
