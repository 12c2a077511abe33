package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.contracts.EventType;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders placed and cancelled over HTTP arrive in {@code orders.events} through Debezium exactly once each (exactly-once
 * source, the platform's default), keyed by order id, with every header, carrying what the API returned, and in order
 * per order. What must arrive is what the monolith committed to its outbox about the orders the API acknowledged with
 * 201, never what Kafka holds. (The saga cancels some orders on its own, when stock or money is short; a customer's
 * cancel of such an order answers 409 and is not counted as the customer's.)
 */
@Order(7)
@ExtendWith(SharedPlatform.class)
class OrdersToKafkaIT {

    private static final int ORDERS = 250;
    private static final int CANCELLED = 50;
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Map<String, JsonNode> placed = new ConcurrentHashMap<>();
    static final Map<String, JsonNode> cancelled = new LinkedHashMap<>();
    static final Map<String, List<ServiceDatabases.CommittedEvent>> committedByOrder = new HashMap<>();
    static Map<String, String> statuses;
    static OrderEvents events;

    @BeforeAll
    static void placeAndCancelOrders(LocalPlatform platform) throws Exception {
        events = new OrderEvents(platform.kafka().bootstrapServers());
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(42);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> requests = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            requests.add(pool.submit(() -> api.place(generator.nextOrderJson())));
        }
        for (Future<JsonNode> request : requests) {
            JsonNode order = request.get();
            placed.put(order.path("orderId").asString(), order);
        }
        pool.shutdown();
        placed.keySet().stream().limit(CANCELLED)
                .forEach(orderId -> api.cancelUnlessCancelled(orderId).ifPresent(order -> cancelled.put(orderId, order)));

        ServiceDatabases databases = new ServiceDatabases(platform);
        Awaitility.await("the saga settled the orders").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> databases.invariants().statusCounts(placed.keySet()).get("PENDING") == 0);
        statuses = databases.orderStatuses(placed.keySet());
        databases.committedEvents(placed.keySet()).values().stream().filter(e -> e.topic().equals(EventTopics.ORDERS))
                .forEach(e -> committedByOrder.computeIfAbsent(e.orderId(), k -> new ArrayList<>()).add(e));
        databases.awaitOutboxesInKafka(SETTLE);
        events.readToEnd(SETTLE);
    }

    @AfterAll
    static void closeReader() {
        if (events != null) {
            events.close();
        }
    }

    @Test
    void publishesEachEventTheMonolithCommittedExactlyOnceKeyedByOrderId() {
        assertThat(placed).as("orders acknowledged with 201").hasSize(ORDERS);
        assertThat(statuses).as("acknowledged orders in the monolith's database").hasSize(ORDERS).doesNotContainValue("PENDING");
        for (String orderId : placed.keySet()) {
            List<ConsumerRecord<String, String>> records = events.of(orderId);
            assertThat(records.stream().map(r -> OrderEvents.header(r, "id")).toList())
                    .as("event ids in Kafka of order %s, each once", orderId)
                    .containsExactlyInAnyOrderElementsOf(committedByOrder.get(orderId).stream().map(ServiceDatabases.CommittedEvent::id).toList());
            assertThat(records).as("keys of order %s's records", orderId).allSatisfy(r -> assertThat(r.key()).isEqualTo(orderId));
            assertThat(events.of(orderId, "OrderPlaced")).as("OrderPlaced records of order %s", orderId).hasSize(1);
        }
    }

    @Test
    void publishesOneOrderCancelledPerCancelledOrderAndOneOrderConfirmedPerConfirmation() {
        assertThat(cancelled).as("orders the customer could still cancel").isNotEmpty();
        assertThat(cancelled.keySet()).allSatisfy(orderId -> assertThat(statuses.get(orderId)).isEqualTo("CANCELLED"));
        for (String orderId : placed.keySet()) {
            String status = statuses.get(orderId);
            // a CANCELLED order may have been confirmed before the customer cancelled it: its outbox tells
            long confirmations = committedByOrder.get(orderId).stream().filter(e -> e.type().equals("OrderConfirmed")).count();
            assertThat(confirmations).as("confirmations the monolith committed for order %s", orderId).isLessThanOrEqualTo(1);
            assertThat(events.of(orderId, "OrderCancelled")).as("OrderCancelled records of %s order %s", status, orderId)
                    .hasSize(status.equals("CANCELLED") ? 1 : 0);
            assertThat(events.of(orderId, "OrderConfirmed")).as("OrderConfirmed records of %s order %s", status, orderId)
                    .hasSize(status.equals("CONFIRMED") ? 1 : (int) confirmations);
        }
    }

    @Test
    void carriesEveryHeader() {
        for (String orderId : placed.keySet()) {
            for (ConsumerRecord<String, String> record : events.of(orderId)) {
                assertThat(UUID.fromString(OrderEvents.header(record, "id")).version()).isEqualTo(7);
                assertThat(OrderEvents.header(record, "type")).isIn("OrderPlaced", "OrderCancelled", "OrderConfirmed");
                // the platform rolls the order events' v2 out to half the orders: every event of an order in one version
                assertThat(OrderEvents.header(record, "schemaversion")).as("schema version of %s", orderId)
                        .isIn("1", Integer.toString(EventType.ORDER_PLACED.currentVersion()))
                        .isEqualTo(OrderEvents.header(events.of(orderId).get(0), "schemaversion"));
                assertThat(Instant.parse(OrderEvents.header(record, "occurredat"))).isBefore(Instant.now());
                assertThat(record.headers().lastHeader("traceparent")).as("traceparent header (empty without a trace)").isNotNull();
                assertThat(record.headers().lastHeader("headers")).as("extra headers header").isNotNull();
            }
        }
    }

    @Test
    void carriesWhatTheApiReturnedAsPayload() {
        for (Map.Entry<String, JsonNode> order : placed.entrySet()) {
            ConsumerRecord<String, String> record = events.of(order.getKey(), "OrderPlaced").get(0);
            assertThat(JSON.readTree(record.value())).as("OrderPlaced payload of %s", order.getKey()).isEqualTo(asWritten(order.getValue(), record));
        }
        for (Map.Entry<String, JsonNode> order : cancelled.entrySet()) {
            ConsumerRecord<String, String> record = events.of(order.getKey(), "OrderCancelled").get(0);
            assertThat(JSON.readTree(record.value())).as("OrderCancelled payload of %s", order.getKey()).isEqualTo(asWritten(order.getValue(), record));
        }
    }

    /**
     * The order the API returned, as the record's schema version has it: v1 had no sales channel; the migration modes
     * the order was placed under travel as the record's headers, not in its payload.
     */
    private static JsonNode asWritten(JsonNode apiOrder, ConsumerRecord<String, String> record) {
        ObjectNode written = (ObjectNode) apiOrder.deepCopy();
        written.remove("modes");
        if ("1".equals(OrderEvents.header(record, "schemaversion"))) {
            written.remove("salesChannel");
        }
        return written;
    }

    @Test
    void deliversOrderCancelledAfterOrderPlacedInTheSamePartition() {
        for (String orderId : cancelled.keySet()) {
            ConsumerRecord<String, String> placedRecord = events.of(orderId, "OrderPlaced").get(0);
            ConsumerRecord<String, String> cancelledRecord = events.of(orderId, "OrderCancelled").get(0);
            assertThat(cancelledRecord.partition()).isEqualTo(placedRecord.partition());
            assertThat(cancelledRecord.offset()).isGreaterThan(placedRecord.offset());
        }
    }
}
