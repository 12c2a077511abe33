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
import java.util.function.UnaryOperator;

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
 * Malformed events on {@code orders.events} (a payload that is not JSON, a well-formed {@code OrderPlaced} that breaks
 * its JSON Schema, a type nobody handles), one of each in every partition: inventory and payment each send them to
 * {@code orders.events.dlq} with the reason ({@code schema} with the violations, {@code unknown-type}) and where they
 * came from, and apply the orders placed behind them; the notification service, which ignores {@code OrderPlaced}
 * whatever its payload, dead-letters only the unknown type; the analytics application (Kafka Streams), which skips types
 * it does not count, dead-letters both bad {@code OrderPlaced}, with its own exception.
 */
@Order(6)
@ExtendWith(SharedPlatform.class)
class PoisonEventIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int ORDERS = 12;
    /** The inbox consumers of orders.events, whose counters tell what they dead-lettered. */
    private static final List<ServiceKind> CONSUMERS = List.of(Services.INVENTORY, Services.PAYMENT, Services.NOTIFICATION);
    private static final String ANALYTICS = "analytics-streams";
    private static final Reason NOT_JSON = new Reason("schema", "io.relaybox.outbox.inbox.EventContractViolationException",
            "the payload is not JSON");
    private static final Reason UNKNOWN_TYPE = new Reason("unknown-type", "io.relaybox.outbox.inbox.UnknownEventTypeException",
            "no handler for OrderTeleported v1");
    private static final Reason ZERO_QUANTITY = new Reason("schema", "io.relaybox.outbox.inbox.EventContractViolationException",
            "/lines/0/quantity: ");

    /** What a dead letter must say: its one-word reason, the exception and part of its message. */
    private record Reason(String word, String exceptionClass, String messagePart) {
    }

    /** A poison record as published, and the reason each consumer that dead-letters it gives. */
    private record Poison(String key, int partition, long offset, Map<String, Reason> reasons) {

        List<String> consumers() {
            return List.copyOf(reasons.keySet());
        }
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
                poison.add(publish(topics, partition, "OrderPlaced", key -> "{\"orderId\": not json", Map.of(Services.INVENTORY.name(), NOT_JSON,
                        Services.PAYMENT.name(), NOT_JSON, ANALYTICS, new Reason("unparseable", "io.relaybox.analytics.topology.UnreadableEventException",
                                "cannot read the payload of OrderPlaced as JSON"))));
                // well-formed JSON of the right shape but for one line's quantity: only its JSON Schema refuses it
                poison.add(publish(topics, partition, "OrderPlaced", PoisonEventIT::placedWithZeroQuantity, Map.of(Services.INVENTORY.name(),
                        ZERO_QUANTITY, Services.PAYMENT.name(), ZERO_QUANTITY, ANALYTICS, new Reason("schema",
                                "io.relaybox.analytics.topology.UnreadableEventException", "/lines/0/quantity: "))));
                poison.add(publish(topics, partition, "OrderTeleported", key -> "{\"orderId\":\"" + key + "\"}",
                        Map.of(Services.INVENTORY.name(), UNKNOWN_TYPE, Services.PAYMENT.name(), UNKNOWN_TYPE, Services.NOTIFICATION.name(),
                                UNKNOWN_TYPE)));
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
                    Reason reason = p.reasons().get(OrderEvents.header(letter, "relaybox.dlq.consumer"));
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.reason")).isEqualTo(reason.word());
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.exception.class")).isEqualTo(reason.exceptionClass());
                    if (reason == ZERO_QUANTITY) {
                        assertThat(OrderEvents.header(letter, "relaybox.dlq.violations")).startsWith("/lines/0/quantity: ");
                    }
                    assertThat(OrderEvents.header(letter, "relaybox.dlq.exception.message")).contains(reason.messagePart());
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

    private static Poison publish(EventTopics topics, int partition, String type, UnaryOperator<String> payloadOfKey,
            Map<String, Reason> reasons) {
        String key = UUID.randomUUID().toString();
        String payload = payloadOfKey.apply(key);
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", bytes(UUID.randomUUID().toString()));
        headers.add("type", bytes(type));
        headers.add("schemaversion", bytes("1"));
        headers.add("occurredat", bytes(Instant.now().toString()));
        RecordMetadata sent = topics.publish(new ProducerRecord<>(EventTopics.ORDERS, partition, null, bytes(key),
                bytes(payload), headers));
        return new Poison(key, partition, sent.offset(), reasons);
    }

    /** An OrderPlaced v1 as the monolith would write it, but with a line of quantity 0 (its schema's minimum is 1). */
    private static String placedWithZeroQuantity(String orderId) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-001\",\"currency\":\"EUR\",\"status\":\"PENDING\","
                + "\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":0,\"unitPrice\":1.25,\"lineTotal\":0}],\"total\":0,"
                + "\"placedAt\":\"" + Instant.now() + "\"}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
