package io.relaybox.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.relaybox.testkit.KafkaExtension;
import io.relaybox.testkit.PostgresExtension;
import tools.jackson.databind.JsonNode;

/**
 * The saga against a real PostgreSQL and a real Kafka: what inventory and payment report on their topics moves
 * each order to CONFIRMED or CANCELLED, once, and a failure publishes the {@code OrderCancelled} that makes the
 * other side compensate.
 */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "outbox.cleanup=retain")
@DirtiesContext
class OrderSagaIT {

    private static final String ORDER = """
            {"customerId": "c-1", "currency": "EUR", "lines": [{"sku": "SKU-1", "quantity": 2, "unitPrice": 5.00}]}""";
    private static final Duration SETTLED = Duration.ofSeconds(60);

    static KafkaProducer<String, String> producer;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        OrdersDatabase.register("orders_saga_it", registry);
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaExtension.endpoint().bootstrapServers());
    }

    @BeforeAll
    static void topicsAndProducer() throws Exception {
        Map<String, Object> settings = Map.of("bootstrap.servers", KafkaExtension.endpoint().bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            admin.createTopics(List.of(new NewTopic("inventory.events", 3, (short) 1), new NewTopic("payments.events", 3, (short) 1)))
                    .all().get();
        }
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put("acks", "all");
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    @Test
    void confirmsTheOrderOnceStockIsReservedAndPaymentCaptured() {
        String orderId = placeOrder();

        report("inventory.events", orderId, "InventoryReserved", reserved(orderId));
        report("payments.events", orderId, "PaymentCaptured", payment(orderId, null));

        JsonNode order = awaitStatus(orderId, "CONFIRMED");
        assertThat(order.get("inventoryStatus").asString()).isEqualTo("RESERVED");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("CAPTURED");
        assertThat(order.has("confirmedAt")).isTrue();
        assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderConfirmed");
    }

    @Test
    void cancelsTheOrderWhenStockIsShortAndLetsALateCaptureBeRefunded() {
        String orderId = placeOrder();

        report("inventory.events", orderId, "InventoryRejected", "{\"orderId\":\"" + orderId
                + "\",\"shortSkus\":[{\"sku\":\"SKU-1\",\"requested\":2,\"available\":1}]}");
        JsonNode cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.get("cancellationReason").asString()).contains("SKU-1 (requested 2, available 1)");

        report("payments.events", orderId, "PaymentCaptured", payment(orderId, null));
        Awaitility.await().atMost(SETTLED).until(() -> "CAPTURED".equals(order(orderId).path("paymentStatus").asString(null)));

        assertThat(order(orderId).get("status").asString()).isEqualTo("CANCELLED");
        // one OrderCancelled, published at the rejection: payment processes it after OrderPlaced and refunds
        assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void appliesARedeliveredFailureOnce() {
        String orderId = placeOrder();
        String eventId = UUID.randomUUID().toString();

        report("payments.events", orderId, "PaymentFailed", payment(orderId, "INSUFFICIENT_FUNDS"), eventId);
        report("payments.events", orderId, "PaymentFailed", payment(orderId, "INSUFFICIENT_FUNDS"), eventId);
        report("inventory.events", orderId, "InventoryReserved", reserved(orderId));

        Awaitility.await().atMost(SETTLED).until(() -> "RESERVED".equals(order(orderId).path("inventoryStatus").asString(null)));
        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asString()).contains("INSUFFICIENT_FUNDS");
        assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?::uuid").param(eventId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void keepsAnOrderCancelledByTheCustomerCancelledWhenBothSidesSucceedLater() {
        String orderId = placeOrder();
        assertThat(http.post("/orders/" + orderId + "/cancel", "{}").status()).isEqualTo(200);

        report("inventory.events", orderId, "InventoryReserved", reserved(orderId));
        report("payments.events", orderId, "PaymentCaptured", payment(orderId, null));

        Awaitility.await().atMost(SETTLED).until(() -> "CAPTURED".equals(order(orderId).path("paymentStatus").asString(null))
                && "RESERVED".equals(order(orderId).path("inventoryStatus").asString(null)));
        assertThat(order(orderId).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
    }

    private String placeOrder() {
        HttpJson.Response placed = http.post("/orders", ORDER);
        assertThat(placed.status()).isEqualTo(201);
        return placed.json().get("orderId").asString();
    }

    /** As inventory reports a reservation: its contract wants at least one reserved line. */
    private static String reserved(String orderId) {
        return "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}";
    }

    private static String payment(String orderId, String reason) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1\",\"currency\":\"EUR\",\"amount\":10.00"
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    private static void report(String topic, String orderId, String type, String payload) {
        report(topic, orderId, type, payload, UUID.randomUUID().toString());
    }

    private static void report(String topic, String orderId, String type, String payload, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, orderId, payload);
        record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("schemaversion", "1".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitStatus(String orderId, String status) {
        Awaitility.await().atMost(SETTLED).until(() -> status.equals(order(orderId).get("status").asString()));
        return order(orderId);
    }

    private JsonNode order(String orderId) {
        return http.get("/orders/" + orderId).json();
    }

    private List<String> eventTypes(String orderId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregateid = ? ORDER BY id").param(orderId).query(String.class).list();
    }
}
