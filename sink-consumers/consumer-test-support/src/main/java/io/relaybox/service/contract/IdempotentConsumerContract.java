package io.relaybox.service.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.CrashHooks;
import io.relaybox.testkit.PostgresExtension;
import io.relaybox.testkit.KafkaExtension;

/**
 * The idempotent-consumer contract that every consuming service passes, run by each service's own {@code *IT}
 * against a real PostgreSQL and a real Kafka broker, with the service started in this JVM as the platform starts it
 * (its consumer group, its database, the real {@code orders.events}): every effect happens once however often a record
 * arrives, compensations happen once and never before the effect, HTTP and events for one order make one effect, two
 * instances in one group never overdraw, bad events go to the dead-letter topic without stopping the ones behind
 * them, and the crash-test hook pauses between the database commit and the offset commit.
 */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IdempotentConsumerContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 6;
    private static final String DEAD_LETTER_TOPIC = OrderEvent.TOPIC + ".dlq";

    private ServiceUnderTest service;
    private ServiceDatabase database;
    private TestKafka kafka;
    private Path pauseFile;
    private ServiceInstance instance;

    /**
     * The service under test.
     *
     * @return its description
     */
    protected abstract ServiceUnderTest service();

    @BeforeAll
    void startService(PostgresEndpoint postgres, KafkaEndpoint broker) throws IOException {
        service = service();
        database = ServiceDatabase.create(postgres, service.consumer().replace('-', '_') + "_contract",
                service.role());
        kafka = new TestKafka(broker);
        kafka.ensureTopic(OrderEvent.TOPIC, PARTITIONS);
        pauseFile = Path.of("target", "contract", service.consumer() + ".pause").toAbsolutePath();
        Files.createDirectories(pauseFile.getParent());
        Files.deleteIfExists(pauseFile);
        instance = start(1);
    }

    @AfterAll
    void stopService() throws IOException {
        if (pauseFile != null) {
            Files.deleteIfExists(pauseFile);
        }
        if (instance != null) {
            instance.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void appliesARecordAndACopyWithTheSameEventIdOnce() {
        TestOrder order = service.order(UUID.randomUUID());
        BigDecimal before = level(order);
        InboxCounts counts = instance.counts();
        OrderEvent placed = OrderEvent.placed(order);

        kafka.publish(placed, placed);

        InboxCounts done = awaitHandled(instance, counts, 2);
        assertThat(done.applied()).isEqualTo(1);
        assertThat(done.duplicatesSkipped()).isEqualTo(1);
        assertThat(level(order)).isEqualByComparingTo(before.subtract(service.cost(order)));
        assertThat(events(order)).containsExactly(service.appliedType());
    }

    @Test
    void appliesOrderEventsOfTheFirstVersionAsTheCurrentOnes() {
        TestOrder placedOnly = service.order(UUID.randomUUID());
        TestOrder cancelled = service.order(UUID.randomUUID());
        BigDecimal before = level(placedOnly);
        InboxCounts counts = instance.counts();

        kafka.publish(OrderEvent.placedV1(placedOnly), OrderEvent.placedV1(cancelled), OrderEvent.cancelledV1(cancelled));

        InboxCounts done = awaitHandled(instance, counts, 3);
        assertThat(done.applied()).isEqualTo(3);
        assertThat(done.deadLettered()).isZero();
        assertThat(level(placedOnly)).isEqualByComparingTo(before.subtract(service.cost(placedOnly)));
        assertThat(events(placedOnly)).containsExactly(service.appliedType());
        assertThat(events(cancelled)).containsExactly(service.appliedType(), service.compensatedType());
    }

    @Test
    void keepsTheRecordedOutcomeWhenAnOrderIsPlacedAgainUnderANewEventId() {
        TestOrder order = service.order(UUID.randomUUID());
        BigDecimal before = level(order);
        InboxCounts counts = instance.counts();
        OrderEvent placed = OrderEvent.placed(order);

        kafka.publish(placed, placed.withNewId());

        InboxCounts done = awaitHandled(instance, counts, 2);
        assertThat(done.applied()).isEqualTo(2);
        assertThat(done.duplicatesSkipped()).isZero();
        assertThat(level(order)).isEqualByComparingTo(before.subtract(service.cost(order)));
        assertThat(events(order)).containsExactly(service.appliedType());
    }

    @Test
    void skipsEveryRecordDeliveredAgainAfterTheGroupIsRewound() {
        Map<TopicPartition, Long> rewindTo = kafka.endOffsets(OrderEvent.TOPIC, PARTITIONS);
        List<TestOrder> orders = List.of(service.order(UUID.randomUUID()), service.order(UUID.randomUUID()),
                service.order(UUID.randomUUID()));
        BigDecimal before = level(orders.get(0));
        InboxCounts counts = instance.counts();
        kafka.publish(orders.stream().map(OrderEvent::placed).toArray(OrderEvent[]::new));
        awaitHandled(instance, counts, 3);
        BigDecimal applied = before.subtract(orders.stream().map(service::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(level(orders.get(0))).isEqualByComparingTo(applied);

        instance.close();
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> kafka.moveGroup(service.consumer(), rewindTo));
        instance = start(1);

        await().atMost(TIMEOUT).until(() -> instance.counts().handled() >= 3);
        assertThat(instance.counts()).isEqualTo(new InboxCounts(0, 3, 0, 0, 0));
        assertThat(level(orders.get(0))).isEqualByComparingTo(applied);
        orders.forEach(order -> assertThat(events(order)).containsExactly(service.appliedType()));
    }

    @Test
    void compensatesACancelledOrderOnce() {
        TestOrder order = service.order(UUID.randomUUID());
        BigDecimal before = level(order);
        InboxCounts counts = instance.counts();
        OrderEvent cancelled = OrderEvent.cancelled(order);

        kafka.publish(OrderEvent.placed(order), cancelled, cancelled.withNewId(), cancelled);

        InboxCounts done = awaitHandled(instance, counts, 4);
        assertThat(done.applied()).isEqualTo(3);
        assertThat(done.duplicatesSkipped()).isEqualTo(1);
        assertThat(level(order)).isEqualByComparingTo(before);
        assertThat(events(order)).containsExactly(service.appliedType(), service.compensatedType());
    }

    @Test
    void appliesNothingForAnOrderPlacedAfterItWasCancelled() {
        TestOrder order = service.order(UUID.randomUUID());
        BigDecimal before = level(order);
        InboxCounts counts = instance.counts();

        kafka.publish(OrderEvent.cancelled(order), OrderEvent.placed(order));

        assertThat(awaitHandled(instance, counts, 2).applied()).isEqualTo(2);
        assertThat(level(order)).isEqualByComparingTo(before);
        assertThat(events(order)).isEmpty();
    }

    @Test
    void appliesAnOrderOnceWhenItArrivesOverHttpAndAsAnEvent() {
        TestOrder order = service.order(UUID.randomUUID());
        BigDecimal before = level(order);
        HttpCall call = service.applyOverHttp(order);

        HttpJson.Response first = instance.http().post(call.path(), call.body());

        assertThat(first.status()).isEqualTo(200);
        assertThat(level(order)).isEqualByComparingTo(before.subtract(service.cost(order)));
        InboxCounts counts = instance.counts();
        kafka.publish(OrderEvent.placed(order));
        assertThat(awaitHandled(instance, counts, 1).applied()).isEqualTo(1);
        assertThat(level(order)).isEqualByComparingTo(before.subtract(service.cost(order)));
        assertThat(events(order)).containsExactly(service.appliedType());
        HttpJson.Response again = instance.http().post(call.path(), call.body());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void neverOverdrawsAScarceResourceWithTwoInstancesInOneGroup() {
        int units = 20;
        List<TestOrder> orders = new ArrayList<>();
        for (int i = 0; i < 3 * units; i++) {
            orders.add(service.scarceOrder(UUID.randomUUID()));
        }
        service.createScarceResource(database, units);

        try (ServiceInstance second = start(2)) {
            await().atMost(TIMEOUT).until(() -> kafka.membersWithPartitions(service.consumer()) == 2);
            InboxCounts first = instance.counts();
            kafka.publish(orders.stream().map(OrderEvent::placed).toArray(OrderEvent[]::new));

            await().atMost(TIMEOUT).until(() -> instance.counts().minus(first).plus(second.counts()).handled()
                    >= orders.size());
            assertThat(instance.counts().minus(first).applied()).isPositive();
            assertThat(second.counts().applied()).isPositive();
        }

        assertThat(service.scarceLevel(database)).isEqualByComparingTo(BigDecimal.ZERO);
        List<List<String>> outcomes = orders.stream().map(this::events).toList();
        assertThat(outcomes).allSatisfy(events -> assertThat(events).hasSize(1));
        assertThat(outcomes.stream().map(events -> events.get(0)))
                .filteredOn(service.appliedType()::equals).hasSize(units);
        assertThat(outcomes.stream().map(events -> events.get(0)))
                .filteredOn(service.refusedType()::equals).hasSize(2 * units);
    }

    /**
     * Two instances apply batches (max-batch 50) of events that lock shared rows in opposite orders (an order on the
     * scarce resource before an ordinary one, and the other way round), each order placed and then cancelled: the
     * handler's batch locks take the rows in one order, so no batch is rolled back by a deadlock (and falls back to
     * one event per transaction), and every compensation gives back what its order took.
     */
    @Test
    void appliesBatchesOfTwoInstancesThatShareRowsWithoutRollingOneBack() {
        service.createScarceResource(database, 100_000);
        List<TestOrder> orders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            orders.add(i % 2 == 0 ? service.scarceOrder(UUID.randomUUID()) : service.order(UUID.randomUUID()));
        }
        BigDecimal ordinaryBefore = level(orders.get(1));
        List<OrderEvent> events = new ArrayList<>(orders.stream().map(OrderEvent::placed).toList());
        events.addAll(orders.stream().map(OrderEvent::cancelled).toList());
        List<String> batched = List.of("--outbox.inbox.max-batch=50");
        try (ServiceInstance first = start(3, batched); ServiceInstance second = start(4, batched)) {
            instance.close(); // the shared instance would take partitions and apply one by one
            await().atMost(TIMEOUT).until(() -> kafka.membersWithPartitions(service.consumer()) == 2);
            kafka.publish(events.toArray(OrderEvent[]::new));

            await().atMost(TIMEOUT).until(() -> first.counts().plus(second.counts()).handled() >= events.size());
            assertThat(first.counts().plus(second.counts()).applied()).isEqualTo(events.size());
            assertThat(first.counts().applied()).isPositive();
            assertThat(second.counts().applied()).isPositive();
            assertThat(batchesRolledBack(first) + batchesRolledBack(second)).isZero();
        } finally {
            instance = start(1);
        }
        assertThat(level(orders.get(1))).isEqualByComparingTo(ordinaryBefore);
        assertThat(service.scarceLevel(database)).isEqualByComparingTo(BigDecimal.valueOf(100_000));
    }

    private static long batchesRolledBack(ServiceInstance on) {
        return on.http().get("/inbox/stats").json().get("batchesRolledBack").asLong();
    }

    @Test
    void deadLettersUnknownTypesVersionsAndPayloadsThatBreakTheirContractAndAppliesTheEventsBehindThem() {
        OrderEvent unknownType = OrderEvent.placed(service.order(UUID.randomUUID())).withType("OrderShipped");
        OrderEvent unknownVersion = OrderEvent.placed(service.order(UUID.randomUUID())).withSchemaVersion(99);
        OrderEvent unreadable = OrderEvent.placed(service.order(UUID.randomUUID())).withPayload("{\"orderId\": 42,");
        OrderEvent placed = OrderEvent.placed(service.order(UUID.randomUUID()));
        OrderEvent breaksContract = placed.withPayload(placed.payload().replaceFirst("\"quantity\":\\d+", "\"quantity\":0"));
        TestOrder behind = service.order(UUID.randomUUID());
        BigDecimal before = level(behind);
        InboxCounts counts = instance.counts();

        kafka.publishInto(0, unknownType, unknownVersion, unreadable, breaksContract, OrderEvent.placed(behind));

        InboxCounts done = awaitHandled(instance, counts, 5);
        assertThat(done.deadLettered()).isEqualTo(4);
        assertThat(done.applied()).isEqualTo(1);
        assertThat(level(behind)).isEqualByComparingTo(before.subtract(service.cost(behind)));
        assertThat(events(behind)).containsExactly(service.appliedType());
        Set<String> ids = Set.of(unknownType.id().toString(), unknownVersion.id().toString(),
                unreadable.id().toString(), breaksContract.id().toString());
        Map<String, ConsumerRecord<String, String>> dead = kafka.read(DEAD_LETTER_TOPIC,
                record -> ids.contains(TestKafka.header(record, "id")), 4, TIMEOUT).stream()
                .collect(Collectors.toMap(record -> TestKafka.header(record, "id"), Function.identity()));
        assertThat(dead).hasSize(4);
        assertDeadLetter(dead.get(unknownType.id().toString()), unknownType, "unknown-type",
                "io.relaybox.outbox.inbox.UnknownEventTypeException", "OrderShipped");
        assertDeadLetter(dead.get(unknownVersion.id().toString()), unknownVersion, "unknown-type",
                "io.relaybox.outbox.inbox.UnknownEventTypeException", "OrderPlaced v99");
        assertDeadLetter(dead.get(unreadable.id().toString()), unreadable, "schema",
                "io.relaybox.outbox.inbox.EventContractViolationException", "the payload is not JSON");
        ConsumerRecord<String, String> invalid = dead.get(breaksContract.id().toString());
        assertDeadLetter(invalid, breaksContract, "schema", "io.relaybox.outbox.inbox.EventContractViolationException",
                "OrderPlaced v" + breaksContract.schemaVersion() + " " + breaksContract.id() + " breaks its contract");
        assertThat(TestKafka.header(invalid, "relaybox.dlq.violations")).startsWith("/lines/0/quantity: ");
    }

    @Test
    void pausesAfterTheDatabaseCommitAndBeforeTheOffsetCommitWhileTheHookFileExists() throws IOException {
        TestOrder order = service.order(UUID.randomUUID());
        BigDecimal before = level(order);
        Path paused = pauseFile.resolveSibling(pauseFile.getFileName() + ".paused");
        Files.writeString(pauseFile, "pause");
        RecordMetadata written;
        try {
            written = kafka.publish(OrderEvent.placed(order)).get(0);

            await().atMost(TIMEOUT).until(() -> Files.exists(paused));
            assertThat(level(order)).isEqualByComparingTo(before.subtract(service.cost(order)));
            assertThat(events(order)).containsExactly(service.appliedType());
            assertThat(kafka.committed(service.consumer(), partition(written))).isLessThanOrEqualTo(written.offset());
        } finally {
            Files.deleteIfExists(pauseFile);
        }

        await().atMost(TIMEOUT).until(() -> kafka.committed(service.consumer(), partition(written))
                == written.offset() + 1);
        assertThat(paused).doesNotExist();
    }

    @Test
    void reportsItselfHealthyAndItsCountersWhileItsConsumerRuns() {
        HttpJson.Response health = instance.http().get("/actuator/health");
        HttpJson.Response stats = instance.http().get("/inbox/stats");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/inbox/status").asString()).isEqualTo("UP");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().properties().stream().map(Map.Entry::getKey)).containsExactlyInAnyOrder("consumer",
                "applied", "duplicatesSkipped", "deadLettered", "retried", "parked", "batchesRolledBack");
        assertThat(stats.json().get("consumer").asString()).isEqualTo(service.consumer());
    }

    private ServiceInstance start(int number) {
        return start(number, List.of());
    }

    private ServiceInstance start(int number, List<String> moreArguments) {
        String name = service.consumer() + "-" + number;
        List<String> arguments = new ArrayList<>(ServiceInstance.platformArguments(database, kafka, name));
        arguments.addAll(List.of(
                "--" + CrashHooks.PAUSE_FILE_PROPERTY + "=" + pauseFile,
                "--outbox.inbox.poll-timeout=200ms",
                "--outbox.inbox.retry-backoff=50ms",
                "--outbox.inbox.retry-backoff-max=500ms",
                "--outbox.inbox.consumer-properties[session.timeout.ms]=10000",
                // keep the outbox rows, so that the events each order produced can be read back
                "--outbox.cleanup=retain"));
        arguments.addAll(moreArguments);
        return ServiceInstance.start(name, service.application(), arguments);
    }

    /** Waits until the instance has handled that many more records; the counts of those records. */
    private static InboxCounts awaitHandled(ServiceInstance on, InboxCounts before, long records) {
        await().atMost(TIMEOUT).until(() -> on.counts().minus(before).handled() >= records);
        return on.counts().minus(before);
    }

    private BigDecimal level(TestOrder order) {
        return service.level(database, order);
    }

    private List<String> events(TestOrder order) {
        return database.eventTypes(service.aggregateType(), order.orderId());
    }

    private void assertDeadLetter(ConsumerRecord<String, String> record, OrderEvent event, String reason, String exceptionClass,
            String messagePart) {
        assertThat(record.key()).isEqualTo(event.orderId().toString());
        assertThat(record.value()).isEqualTo(event.payload());
        assertThat(TestKafka.header(record, "type")).isEqualTo(event.type());
        assertThat(TestKafka.header(record, "relaybox.dlq.reason")).isEqualTo(reason);
        assertThat(TestKafka.header(record, "relaybox.dlq.exception.class")).isEqualTo(exceptionClass);
        assertThat(TestKafka.header(record, "relaybox.dlq.exception.message")).contains(messagePart);
        assertThat(TestKafka.header(record, "relaybox.dlq.source.topic")).isEqualTo(OrderEvent.TOPIC);
        assertThat(TestKafka.header(record, "relaybox.dlq.source.partition")).isEqualTo("0");
        assertThat(TestKafka.header(record, "relaybox.dlq.consumer")).isEqualTo(service.consumer());
    }

    private static TopicPartition partition(RecordMetadata written) {
        return new TopicPartition(written.topic(), written.partition());
    }
}
