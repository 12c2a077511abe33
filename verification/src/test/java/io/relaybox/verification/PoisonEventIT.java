package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * Malformed events on {@code orders.events} (a payload that is not JSON, a type nobody handles), one of each in every
 * partition: inventory and payment each send them to {@code orders.events.dlq} with the reason and where they came
 * from, and apply the orders placed behind them; the notification service, which ignores {@code OrderPlaced} whatever
 * its payload, dead-letters only the unknown type.
 */
@Order(6)
@ExtendWith(SharedPlatform.class)
class PoisonEventIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int ORDERS = 12;
    private static final List<ServiceKind> CONSUMERS = List.of(Services.INVENTORY, Services.PAYMENT, Services.NOTIFICATION);
    private static final List<String> EVERY_CONSUMER = CONSUMERS.stream().map(ServiceKind::name).toList();
    private static final List<String> PLACED_ORDER_CONSUMERS = List.of(Services.INVENTORY.name(), Services.PAYMENT.name());

    /** A poison record as published, what its dead letter must say and which consumers dead-letter it. */
    private record Poison(String key, int partition, long offset, String exceptionClass, String messagePart, List<String> consumers) {
    }

    @Test
    void deadLettersMalformedEventsWithTheirReasonAndAppliesTheEventsBehindThem(LocalPlatform platform) {
        Services services = new Services(platform);
        ServiceDatabases databases = new ServiceDatabases(platform);
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        String bootstrapServers = platform.kafka().bootstrapServers();
        Map<ServiceKind, Services.Counters> countersBefore = new LinkedHashMap<>();
        CONSUMERS.forEach(kind -> countersBefore.put(kind, services.counters(kind)));
        try (EventTopics topics = new EventTopics(bootstrapServers);
                OrderEvents deadLetters = new OrderEvents(bootstrapServers, EventTopics.ORDERS + ".dlq");
                OrderEvents orderEvents = new OrderEvents(bootstrapServers)) {
            int partitions = topics.endOffsets(List.of(EventTopics.ORDERS)).size();
            List<Poison> poison = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                poison.add(publish(topics, partition, "OrderPlaced", "{\"orderId\": not json",
                        "io.relaybox.outbox.inbox.UnparseablePayloadException", "cannot read the payload of OrderPlaced v1",
                        PLACED_ORDER_CONSUMERS));
                poison.add(publish(topics, partition, "OrderTeleported", "{\"orderId\":\"" + UUID.randomUUID() + "\"}",
                        "io.relaybox.outbox.inbox.UnknownEventTypeException", "no handler for OrderTeleported v1", EVERY_CONSUMER));
            }

            OrderGenerator generator = new OrderGenerator(5);
            List<String> orderIds = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orderIds.add(api.place(generator.nextOrderJson()).path("orderId").asString());
            }

            // the orders behind the poison are applied by both services and settled by the saga
            Awaitility.await("the orders behind the poison settled").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> databases.reservationStatuses(orderIds).size() == ORDERS
                            && databases.paymentStatuses(orderIds).size() == ORDERS
                            && !databases.orderStatuses(orderIds).containsValue("PENDING"));
            orderEvents.awaitUntil(e -> e.hasAll(orderIds, "OrderPlaced"), TIMEOUT);
            for (String orderId : orderIds) {
                ConsumerRecord<String, String> placed = orderEvents.of(orderId, "OrderPlaced").get(0);
                assertThat(poison).anySatisfy(p -> {
                    assertThat(p.partition()).isEqualTo(placed.partition());
                    assertThat(p.offset()).isLessThan(placed.offset());
                });
            }

            // each poison record is dead-lettered once by each consumer, with the reason and its origin
            deadLetters.awaitUntil(d -> poison.stream().allMatch(p -> d.of(p.key()).size() >= p.consumers().size()), TIMEOUT);
            for (Poison p : poison) {
                List<ConsumerRecord<String, String>> letters = deadLetters.of(p.key());
                assertThat(letters).extracting(r -> OrderEvents.header(r, "relaybox.dlq.consumer"))
                        .as("consumers that dead-lettered %s", p).containsExactlyInAnyOrderElementsOf(p.consumers());
                assertThat(letters).allSatisfy(letter -> {
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.exception.class")).isEqualTo(p.exceptionClass());
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.exception.message")).contains(p.messagePart());
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.source.topic")).isEqualTo(EventTopics.ORDERS);
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.source.partition")).isEqualTo(Integer.toString(p.partition()));
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.source.offset")).isEqualTo(Long.toString(p.offset()));
                });
            }
            for (ServiceKind kind : CONSUMERS) {
                Services.InboxCounts counted = services.counters(kind).since(countersBefore.get(kind));
                assertThat(counted.deadLettered()).as("dead letters of %s", kind.name())
                        .isEqualTo(poison.stream().filter(p -> p.consumers().contains(kind.name())).count());
                assertThat(counted.parked()).as("parked events of %s", kind.name()).isZero();
            }
            assertThat(deadLetters.all()).as("dead letters of anything but the poison")
                    .allSatisfy(letter -> assertThat(poison).extracting(Poison::key).contains(letter.key()));
        }
    }

    private static Poison publish(EventTopics topics, int partition, String type, String payload, String exceptionClass,
            String messagePart, List<String> consumers) {
        String key = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", bytes(UUID.randomUUID().toString()));
        headers.add("type", bytes(type));
        headers.add("schemaversion", bytes("1"));
        headers.add("occurredat", bytes(Instant.now().toString()));
        RecordMetadata sent = topics.publish(new ProducerRecord<>(EventTopics.ORDERS, partition, null, bytes(key),
                bytes(payload), headers));
        return new Poison(key, partition, sent.offset(), exceptionClass, messagePart, consumers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
