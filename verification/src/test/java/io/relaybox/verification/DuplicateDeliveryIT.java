package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * Consumers receive records they already applied, because an operator rewound their group or because someone
 * published copies: each one is skipped and counted as a duplicate, and nothing changes: no stock, balance,
 * reservation, payment or order moves, no event is published. Copies go to every consumer (inventory, payment and the
 * monolith's saga); the rewind is done to payment's group only, because moving a group's offsets takes a restart of
 * all its members, and a JVM restart is the most expensive step on a small machine.
 */
@Order(3)
@ExtendWith(SharedPlatform.class)
class DuplicateDeliveryIT {

    private static final int ORDERS = 24;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> TOPICS = List.of(EventTopics.ORDERS, EventTopics.INVENTORY, EventTopics.PAYMENTS);

    static final List<String> orderIds = new ArrayList<>();
    static final Map<String, OrderEvents> events = new HashMap<>();
    static Map<TopicPartition, Long> startOffsets;
    static EventTopics topics;
    static Services services;
    static ServiceDatabases databases;

    @BeforeAll
    static void placeAndCancelOrdersAndLetThemSettle(LocalPlatform platform) {
        topics = new EventTopics(platform.kafka().bootstrapServers());
        services = new Services(platform);
        databases = new ServiceDatabases(platform);
        startOffsets = topics.endOffsets(TOPICS);
        TOPICS.forEach(topic -> events.put(topic, new OrderEvents(platform.kafka().bootstrapServers(), topic)));

        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(2);
        for (int i = 0; i < ORDERS; i++) {
            orderIds.add(api.place(generator.nextOrderJson()).path("orderId").asString());
        }
        // a few compensations too (the saga may have cancelled some of these already: then there is nothing to do)
        orderIds.stream().limit(ORDERS / 4).forEach(api::cancelUnlessCancelled);

        Awaitility.await("every order settled in all services").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(DuplicateDeliveryIT::settled);
        Map<String, String> statuses = databases.orderStatuses(orderIds);
        events.get(EventTopics.ORDERS).awaitUntil(e -> orderIds.stream().allMatch(id -> !e.of(id, "OrderPlaced").isEmpty()
                && !e.of(id, statuses.get(id).equals("CONFIRMED") ? "OrderConfirmed" : "OrderCancelled").isEmpty()), TIMEOUT);
        Awaitility.await("every consumer group consumed everything").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> Services.CONSUMERS.stream()
                        .allMatch(kind -> topics.caughtUp(Services.groupOf(kind), Services.topicsOf(kind))));
        events.values().forEach(e -> e.readToEnd(TIMEOUT));
    }

    /**
     * Each order ended, its reservation and payment are final (compensated when it was cancelled), and the saga
     * recorded the last report of each (so every inventory and payment event was consumed).
     */
    private static boolean settled() {
        Map<String, String> orders = databases.byOrder(ServiceDatabases.ORDERS, "SELECT id::text, concat_ws(' ', status,"
                + " inventory_status, payment_status) FROM orders WHERE id = ANY (?)", orderIds);
        Map<String, String> reservations = databases.reservationStatuses(orderIds);
        Map<String, String> payments = databases.paymentStatuses(orderIds);
        return orderIds.stream().allMatch(id -> {
            String expected = reservations.get(id) + " " + payments.get(id);
            return orders.get(id).equals("CONFIRMED " + expected) && expected.equals("RESERVED CAPTURED")
                    || orders.get(id).equals("CANCELLED " + expected) && expected.matches("(REJECTED|RELEASED) (FAILED|REFUNDED)");
        });
    }

    @AfterEach
    void leaveEveryServiceRunning() {
        services.startStopped();
    }

    @AfterAll
    static void close() {
        events.values().forEach(OrderEvents::close);
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    void skipsEveryRecordRedeliveredAfterTheGroupIsRewound() {
        ServiceDatabases.Effects before = databases.effects(orderIds);
        Map<String, List<String>> eventsBefore = eventIds();
        ServiceKind payment = Services.PAYMENT;
        String group = Services.groupOf(payment);

        // an operator's rewind: stop every member, move the group back to before the orders, start again
        services.stop(List.of(payment));
        Map<TopicPartition, Long> rewindTo = EventTopics.of(startOffsets, Services.topicsOf(payment));
        long redelivered = topics.recordsBetween(rewindTo, topics.committedOffsets(group, Services.topicsOf(payment)));
        topics.moveGroup(group, rewindTo);
        services.startAll(List.of(payment));

        assertThat(redelivered).as("records consumed since the orders were placed").isGreaterThanOrEqualTo(ORDERS);
        Awaitility.await(group + " skipped " + redelivered + " duplicates").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> services.counters(payment).total().duplicatesSkipped() >= redelivered);
        // the counters restarted with the processes: all they counted is the redelivery
        assertThat(services.counters(payment).total()).isEqualTo(new Services.InboxCounts(0, redelivered, 0, 0, 0));
        assertNothingChanged(before, eventsBefore);
    }

    @Test
    void skipsCopiesOfRecordsPublishedAgain() {
        ServiceDatabases.Effects before = databases.effects(orderIds);
        Map<String, List<String>> eventsBefore = eventIds();
        Map<ServiceKind, Services.Counters> countersBefore = new HashMap<>();
        Services.CONSUMERS.forEach(kind -> countersBefore.put(kind, services.counters(kind)));
        Map<String, List<ConsumerRecord<String, String>>> originals = new HashMap<>();
        TOPICS.forEach(topic -> originals.put(topic, originals(topic)));

        originals.values().forEach(topics::publishCopies);

        for (ServiceKind kind : Services.CONSUMERS) {
            long copies = Services.topicsOf(kind).stream().mapToLong(topic -> originals.get(topic).size()).sum();
            assertThat(copies).as("records copied for %s", kind.name()).isGreaterThanOrEqualTo(ORDERS);
            Awaitility.await(kind.name() + " skipped " + copies + " copies").atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> services.counters(kind).since(countersBefore.get(kind)).duplicatesSkipped() >= copies);
            assertThat(services.counters(kind).since(countersBefore.get(kind))).as("inbox counters of %s", kind.name())
                    .isEqualTo(new Services.InboxCounts(0, copies, 0, 0, 0));
        }
        assertNothingChanged(before, eventsBefore);
    }

    /** The records of the orders in the topic, the first of each event id only (the other test may have copied them). */
    private static List<ConsumerRecord<String, String>> originals(String topic) {
        List<ConsumerRecord<String, String>> originals = new ArrayList<>();
        for (String orderId : orderIds) {
            Set<String> seen = new HashSet<>();
            events.get(topic).of(orderId).stream().filter(record -> seen.add(OrderEvents.header(record, "id")))
                    .forEach(originals::add);
        }
        return originals;
    }

    private static Map<String, List<String>> eventIds() {
        Map<String, List<String>> ids = new HashMap<>();
        events.forEach((topic, e) -> e.eventIds(orderIds).forEach((order, list) -> ids.put(topic + " " + order, list)));
        return ids;
    }

    private static void assertNothingChanged(ServiceDatabases.Effects before, Map<String, List<String>> eventsBefore) {
        databases.awaitOutboxesInKafka(TIMEOUT);
        events.values().forEach(e -> e.readToEnd(TIMEOUT));
        assertThat(databases.effects(orderIds)).isEqualTo(before);
        assertThat(eventIds()).as("distinct events per order and topic").isEqualTo(eventsBefore);
    }
}
