package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.relaybox.outbox.inbox.EventHandlers;
import io.relaybox.outbox.inbox.EventParkedException;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.inbox.UnknownEventTypeException;
import io.relaybox.outbox.inbox.UnparseablePayloadException;
import io.relaybox.outbox.kafka.cli.DeadLettersCommand;
import io.relaybox.outbox.kafka.deadletter.DeadLetter;
import io.relaybox.outbox.kafka.deadletter.DeadLetterTopic;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import io.relaybox.testkit.KafkaExtension;

/**
 * Poison events go to {@code <topic>.dlq} with their reason while the partition keeps flowing; the later events of the
 * same aggregate are parked until the dead letter is re-driven, then applied in their order.
 */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@SuppressWarnings("try") // a consumer in try-with-resources runs for its effect and is closed at the end
class DeadLetterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Item(String aggregate) {
    }

    static ServiceDatabase database;
    static TestKafka kafka;

    @BeforeAll
    static void start(PostgresEndpoint server, KafkaEndpoint broker) {
        database = ServiceDatabase.create(server, "dead_letter_it");
        kafka = new TestKafka(broker);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    /** One record per transaction, and batches: a batch with poison in it is rolled back and goes one by one, alike. */
    @ParameterizedTest(name = "max batch {0}")
    @ValueSource(ints = { 1, 50 })
    void deadLettersPoisonWithItsReasonWhileOtherAggregatesFlowAndParksTheSameAggregate(int maxBatch) {
        String topic = "poison" + maxBatch + ".events";
        String consumerName = "poison" + maxBatch;
        kafka.createTopic(topic, 1);
        OutboxRecord before = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord unknownType = OutboxRecord.of("cart-1", "ItemTeleported");
        OutboxRecord parked = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord otherAggregate = OutboxRecord.of("cart-2", "ItemAdded");
        OutboxRecord unparseable = OutboxRecord.of("cart-3", "ItemAdded").withPayload("{\"aggregate\":");
        ProducerRecord<String, String> withoutId = new ProducerRecord<>(topic, null, null, "cart-4", "{}",
                List.of(new RecordHeader("type", "ItemAdded".getBytes(StandardCharsets.UTF_8))));
        OutboxRecord afterAll = OutboxRecord.of("cart-2", "ItemAdded");
        kafka.publish(topic, before, unknownType, parked, otherAggregate, unparseable);
        kafka.publish(withoutId);
        kafka.publish(topic, afterAll);
        Inbox inbox = inbox(consumerName, false);

        try (InboxConsumer consumer = kafka.consumer(inbox, topic).maxBatch(maxBatch).build().start()) {
            await().atMost(TIMEOUT).until(() -> database.applied(consumerName) == 3
                    && kafka.committed(consumerName, topic).getOrDefault(0, 0L) == 7);
        }

        assertThat(database.ledger(consumerName, "cart-1")).containsExactly(before.id());
        assertThat(database.ledger(consumerName, "cart-2")).containsExactly(otherAggregate.id(), afterAll.id());
        assertThat(inbox.metrics()).extracting("applied", "deadLettered", "parked").containsExactly(3L, 3L, 1L);
        List<DeadLetter> letters = read(topic + ".dlq");
        assertThat(letters).extracting(DeadLetter::key).containsExactly("cart-1", "cart-1", "cart-3", "cart-4");

        DeadLetter poison = letters.get(0);
        assertThat(poison.keyBytes()).isEqualTo("cart-1".getBytes(StandardCharsets.UTF_8));
        assertThat(poison.value()).isEqualTo(unknownType.payload());
        assertThat(poison.originalHeaders()).extracting(header -> header.key())
                .containsExactly("id", "type", "schemaversion", "occurredat", "traceparent", "headers");
        assertThat(poison.eventId()).isEqualTo(unknownType.id().toString());
        assertThat(poison.exceptionClass()).isEqualTo(UnknownEventTypeException.class.getName());
        assertThat(poison.exceptionMessage()).startsWith("no handler for ItemTeleported v1");
        assertThat(poison.sourceTopic()).isEqualTo(topic);
        assertThat(poison.sourcePartition()).isZero();
        assertThat(poison.sourceOffset()).isEqualTo(1);
        assertThat(poison.consumer()).isEqualTo(consumerName);
        assertThat(poison.isParked()).isFalse();

        DeadLetter parkedLetter = letters.get(1);
        assertThat(parkedLetter.eventId()).isEqualTo(parked.id().toString());
        assertThat(parkedLetter.exceptionClass()).isEqualTo(EventParkedException.class.getName());
        assertThat(parkedLetter.exceptionMessage()).startsWith("parked behind " + unknownType.id());
        assertThat(parkedLetter.parkedBehind()).isEqualTo(unknownType.id().toString());
        assertThat(parkedLetter.sourceOffset()).isEqualTo(2);

        assertThat(letters.get(2).exceptionClass()).isEqualTo(UnparseablePayloadException.class.getName());
        assertThat(letters.get(3).exceptionClass()).isEqualTo(MalformedRecordException.class.getName());
        assertThat(letters.get(3).exceptionMessage()).isEqualTo("the record has no id header");
    }

    @Test
    void redrivingTheDeadLetterReleasesTheParkedEventsInTheirOrder() {
        kafka.createTopic("redrive.events", 2);
        OutboxRecord unknownType = OutboxRecord.of("cart-1", "ItemTeleported");
        OutboxRecord parked1 = OutboxRecord.of("cart-1", "ItemAdded");
        OutboxRecord parked2 = OutboxRecord.of("cart-1", "ItemRemoved");
        OutboxRecord unrelated = OutboxRecord.of("cart-9", "ItemAdded");
        kafka.publish("redrive.events", unknownType, parked1, parked2, unrelated);
        OutboxRecord live = OutboxRecord.of("cart-1", "ItemAdded");
        try (InboxConsumer consumer = kafka.startConsumer(inbox("redrive", false), "redrive.events")) {
            await().atMost(TIMEOUT).until(() -> database.applied("redrive") == 1 && read("redrive.events.dlq").size() == 3);
            // a live event of the parked aggregate waits too
            kafka.publish("redrive.events", live);
            await().atMost(TIMEOUT).until(() -> read("redrive.events.dlq").size() == 4);
        }
        String listing = run("list", "--topic", "redrive.events.dlq", "--bootstrap", kafka.bootstrapServers());
        assertThat(listing).contains(unknownType.id().toString(), "UnknownEventTypeException: no handler for"
                + " ItemTeleported v1", "EventParkedException: parked behind " + unknownType.id(), "4 dead letters");

        // a consumer that understands ItemTeleported is deployed; the operator re-drives the aggregate
        Inbox fixed = inbox("redrive", true);
        try (InboxConsumer consumer = kafka.startConsumer(fixed, "redrive.events")) {
            String output = run("redrive", "--topic", "redrive.events.dlq", "--bootstrap", kafka.bootstrapServers(),
                    "--key", "cart-1");
            assertThat(output).contains("4 dead letters re-driven");
            await().atMost(TIMEOUT).until(() -> database.applied("redrive") == 5);
            OutboxRecord afterRelease = OutboxRecord.of("cart-1", "ItemAdded");
            kafka.publish("redrive.events", afterRelease);
            await().atMost(TIMEOUT).until(() -> database.applied("redrive") == 6);

            assertThat(database.ledger("redrive", "cart-1")).containsExactly(unknownType.id(), parked1.id(),
                    parked2.id(), live.id(), afterRelease.id());
            assertThat(fixed.metrics().released()).isEqualTo(4);
        }
        assertThat(database.count("SELECT count(*) FROM parked_event WHERE consumer = 'redrive'")).isZero();
    }

    @Test
    void redrivingAgainIsSkippedAsDuplicate() {
        kafka.createTopic("again.events", 1);
        OutboxRecord unknownType = OutboxRecord.of("cart-1", "ItemTeleported");
        kafka.publish("again.events", unknownType);
        try (InboxConsumer consumer = kafka.startConsumer(inbox("again", false), "again.events")) {
            await().atMost(TIMEOUT).until(() -> read("again.events.dlq").size() == 1);
        }
        Inbox fixed = inbox("again", true);
        try (InboxConsumer consumer = kafka.startConsumer(fixed, "again.events")) {
            run("redrive", "--topic", "again.events.dlq", "--bootstrap", kafka.bootstrapServers(), "--offset", "0");
            await().atMost(TIMEOUT).until(() -> database.applied("again") == 1);
            run("redrive", "--topic", "again.events.dlq", "--bootstrap", kafka.bootstrapServers(), "--event-id",
                    unknownType.id().toString());
            await().atMost(TIMEOUT).until(() -> fixed.metrics().duplicatesSkipped() == 1);
        }
        assertThat(database.applied("again")).isEqualTo(1);
    }

    /** The test handler; {@code knowsTeleports} is the fixed release that understands ItemTeleported. */
    static Inbox inbox(String consumer, boolean knowsTeleports) {
        EventHandlers.Builder handlers = EventHandlers.builder()
                .on("ItemAdded", 1, Item.class, (event, item, connection) -> ServiceDatabase.record(consumer, event,
                        connection))
                .on("ItemRemoved", 1, JsonNode.class, (event, item, connection) -> ServiceDatabase.record(consumer,
                        event, connection));
        if (knowsTeleports) {
            handlers.on("ItemTeleported", 1, (event, connection) -> ServiceDatabase.record(consumer, event,
                    connection));
        }
        return Inbox.builder().consumer(consumer).transactions(database.transactions()).handler(handlers.build())
                .build();
    }

    static List<DeadLetter> read(String topic) {
        try (DeadLetterTopic dlq = DeadLetterTopic.open(topic, Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return dlq.read();
        } catch (RuntimeException e) {
            return List.of(); // not created yet
        }
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = DeadLettersCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(args);
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        return out.toString();
    }
}
