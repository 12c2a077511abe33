package io.relaybox.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
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
 * The monolith's side of the migration modes against a real PostgreSQL and a real Kafka: the legacy module deciding
 * inside {@code POST /orders}, the mode recorded on the order and on its events, the shadow comparison of the services'
 * reports, the admin API's answers to bad input, and sync mode failing an order when its service does not answer. The
 * services themselves (and the back-fills a switch makes) take part in verification's {@code MigrationWalkIT}; here a
 * mode is set in the table where a switch would need a service.
 */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"outbox.cleanup=retain",
    "relaybox.migration.sync.timeout=500ms", "relaybox.migration.sync.retry-wait=10ms"})
@DirtiesContext
class MigrationModesIT {

    private static final Duration SETTLED = Duration.ofSeconds(60);

    static KafkaProducer<String, String> producer;
    static int closedPort;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        OrdersDatabase.register("orders_migration_it", registry);
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaExtension.endpoint().bootstrapServers());
        // a port nothing listens on: the services are down for sync mode
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("relaybox.migration.inventory-urls", () -> "http://127.0.0.1:" + closedPort);
        registry.add("relaybox.migration.payment-urls", () -> "http://127.0.0.1:" + closedPort);
    }

    @BeforeAll
    static void topicsAndProducer() throws Exception {
        Map<String, Object> settings = Map.of("bootstrap.servers", KafkaExtension.endpoint().bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            admin.createTopics(List.of(new NewTopic("inventory.events", 3, (short) 1), new NewTopic("payments.events", 3, (short) 1)))
                    .all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            // another test class of this module created them on the shared broker
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
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
    void monolithModeDecidesInsideTheRequestFromTheLegacyStock() {
        setModes("monolith", "monolith", 1);
        int onHand = legacyOnHand("SKU-APPLE");

        HttpJson.Response placed = http.post("/orders", order("customer-001", "SKU-APPLE", 3, "2.50"));

        assertThat(placed.status()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.get("inventoryStatus").asString()).isEqualTo("RESERVED");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("CAPTURED");
        assertThat(order.get("modes").get("inventory").asString()).isEqualTo("monolith");
        String orderId = order.get("orderId").asString();
        assertThat(http.get("/orders/" + orderId).json().get("modes").get("payment").asString()).isEqualTo("monolith");
        assertThat(legacyOnHand("SKU-APPLE")).isEqualTo(onHand - 3);
        assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderConfirmed");
        assertThat(eventHeaders(orderId)).containsExactly("monolith/monolith", "monolith/monolith");
    }

    @Test
    void aLegacyPaymentFailureCancelsTheOrderAndGivesTheLegacyStockBack() {
        setModes("monolith", "monolith", 1);
        int onHand = legacyOnHand("SKU-BREAD");

        // customer-195 has no account (the seed stops at customer-189)
        JsonNode order = http.post("/orders", order("customer-195", "SKU-BREAD", 2, "1.00")).json();

        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asString()).contains("UNKNOWN_CUSTOMER");
        assertThat(order.get("inventoryStatus").asString()).isEqualTo("RELEASED");
        assertThat(legacyOnHand("SKU-BREAD")).isEqualTo(onHand);
        assertThat(eventTypes(order.get("orderId").asString())).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void aServiceFailureCancelsAnOrderWhoseStockTheLegacyModuleReservedAndReleasesIt() {
        setModes("monolith", "events", 1);
        int onHand = legacyOnHand("SKU-CHEESE");

        JsonNode placed = http.post("/orders", order("customer-002", "SKU-CHEESE", 4, "3.00")).json();
        String orderId = placed.get("orderId").asString();
        assertThat(placed.get("status").asString()).isEqualTo("PENDING");
        assertThat(placed.get("inventoryStatus").asString()).isEqualTo("RESERVED");
        assertThat(legacyOnHand("SKU-CHEESE")).isEqualTo(onHand - 4);

        report("payments.events", orderId, "PaymentFailed", "{\"orderId\":\"" + orderId
                + "\",\"customerId\":\"customer-002\",\"currency\":\"EUR\",\"amount\":12.00,\"reason\":\"INSUFFICIENT_FUNDS\"}");

        Awaitility.await().atMost(SETTLED).until(() -> "CANCELLED".equals(order(orderId).get("status").asString()));
        assertThat(order(orderId).get("inventoryStatus").asString()).isEqualTo("RELEASED");
        assertThat(legacyOnHand("SKU-CHEESE")).isEqualTo(onHand);
    }

    @Test
    void aShadowRunComparesTheServicesReportsWithoutActingOnThem() {
        setModes("shadow", "events", 1);
        String matching = http.post("/orders", order("customer-003", "SKU-DATES", 1, "1.00")).json().get("orderId").asString();
        String diverging = http.post("/orders", order("customer-003", "SKU-DATES", 2, "1.00")).json().get("orderId").asString();
        assertThat(order(matching).get("inventoryStatus").asString()).isEqualTo("RESERVED");

        report("inventory.events", matching, "InventoryReserved", "{\"orderId\":\"" + matching + "\",\"lines\":[{\"sku\":\"SKU-DATES\",\"quantity\":1}]}");
        report("inventory.events", diverging, "InventoryRejected", "{\"orderId\":\"" + diverging
                + "\",\"shortSkus\":[{\"sku\":\"SKU-DATES\",\"requested\":2,\"available\":0}]}");

        Awaitility.await().atMost(SETTLED).until(() -> inventoryDiff().get("pending").asLong() == 0
                && inventoryDiff().get("matched").asLong() + inventoryDiff().get("mismatched").asLong() == 2);
        JsonNode diff = inventoryDiff();
        assertThat(diff.get("matched").asLong()).isEqualTo(1);
        assertThat(diff.get("mismatched").asLong()).isEqualTo(1);
        assertThat(diff.get("byCategory").get("outcome").asLong()).isEqualTo(1);
        JsonNode mismatch = diff.get("latestMismatches").get(0);
        assertThat(mismatch.get("orderId").asString()).isEqualTo(diverging);
        assertThat(mismatch.get("legacy").get("outcome").asString()).isEqualTo("RESERVED");
        assertThat(mismatch.get("service").get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(mismatch.get("service").get("detail").get("shortSkus").get(0).asString()).isEqualTo("SKU-DATES");
        // the legacy decision stands: the service's rejection cancelled nothing
        assertThat(order(diverging).get("inventoryStatus").asString()).isEqualTo("RESERVED");
        assertThat(order(diverging).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void syncModeCancelsTheOrderAndAnswers503WhenTheServiceIsDown() {
        setModes("events", "sync", 1);

        HttpJson.Response placed = http.post("/orders", order("customer-004", "SKU-EGGS", 1, "1.00"));

        assertThat(placed.status()).isEqualTo(503);
        assertThat(placed.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = placed.json();
        assertThat(problem.get("detail").asString()).contains("payment-service");
        String orderId = problem.get("orderId").asString();
        assertThat(order(orderId).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order(orderId).get("modes").get("payment").asString()).isEqualTo("sync");
        assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void aModeSwitchWithABadFieldIsA400NamingItAndAnUnknownCapabilityA404() {
        HttpJson.Response bad = http.put("/migration/modes/inventory", "{\"mode\":\"sideways\",\"changedBy\":\"\",\"reason\":\"r\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("mode", "changedBy");

        HttpJson.Response share = http.put("/migration/modes/inventory", "{\"mode\":\"shadow\",\"changedBy\":\"a\",\"reason\":\"r\",\"shadowShare\":1.5}");
        assertThat(share.status()).isEqualTo(400);
        assertThat(share.json().get("errors").findValuesAsString("field")).containsExactly("shadowShare");

        assertThat(http.put("/migration/modes/shipping", "{\"mode\":\"events\",\"changedBy\":\"a\",\"reason\":\"r\"}").status()).isEqualTo(404);
    }

    @Test
    void aSwitchThatNeedsNoBackfillIsRecordedWithWhoWhenAndWhy() {
        setModes("shadow", "events", 1);

        HttpJson.Response switched = http.put("/migration/modes/inventory",
                "{\"mode\":\"monolith\",\"changedBy\":\"alice\",\"reason\":\"the shadow run is over\"}");

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().get("mode").asString()).isEqualTo("monolith");
        assertThat(switched.json().get("changedBy").asString()).isEqualTo("alice");
        JsonNode latest = http.get("/migration/modes/inventory/history").json().get(0);
        assertThat(latest.get("fromMode").asString()).isEqualTo("shadow");
        assertThat(latest.get("toMode").asString()).isEqualTo("monolith");
        assertThat(latest.get("reason").asString()).isEqualTo("the shadow run is over");
        assertThat(http.get("/migration/modes").json().findValuesAsString("capability")).containsExactly("inventory", "payment");
    }

    /** Sets the modes as a switch would, without its back-fill (no service runs here); a shadow run starts anew. */
    private void setModes(String inventory, String payment, double share) {
        long run = jdbc.sql("INSERT INTO migration_mode_change (capability, from_mode, to_mode, shadow_share, changed_at, changed_by, reason)"
                + " VALUES ('inventory', 'events', ?, ?, now(), 'test', 'test') RETURNING id").params(inventory, share).query(Long.class).single();
        jdbc.sql("UPDATE migration_mode SET mode = ?, shadow_share = ?, shadow_run = ? WHERE capability = 'inventory'")
                .params(inventory, share, run).update();
        jdbc.sql("UPDATE migration_mode SET mode = ? WHERE capability = 'payment'").param(payment).update();
    }

    private JsonNode inventoryDiff() {
        for (JsonNode capability : http.get("/migration/diff").json().get("capabilities")) {
            if ("inventory".equals(capability.get("capability").asString())) {
                return capability;
            }
        }
        throw new AssertionError("no inventory in the diff");
    }

    private int legacyOnHand(String sku) {
        return jdbc.sql("SELECT on_hand FROM legacy_stock WHERE sku = ?").param(sku).query(Integer.class).single();
    }

    private static String order(String customer, String sku, int quantity, String unitPrice) {
        return "{\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                + ",\"unitPrice\":" + unitPrice + "}]}";
    }

    private static void report(String topic, String orderId, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, orderId, payload);
        record.headers().add("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("schemaversion", "1".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode order(String orderId) {
        return http.get("/orders/" + orderId).json();
    }

    private List<String> eventTypes(String orderId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregateid = ? ORDER BY id").param(orderId).query(String.class).list();
    }

    /** Each event's mode headers: {@code inventory/payment}. */
    private List<String> eventHeaders(String orderId) {
        return jdbc.sql("SELECT (headers ->> 'relaybox.migration.inventory') || '/' || (headers ->> 'relaybox.migration.payment')"
                + " FROM outbox_event WHERE aggregateid = ? ORDER BY id").param(orderId).query(String.class).list();
    }
}
