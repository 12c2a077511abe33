package io.relaybox.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import io.relaybox.outbox.InvalidEventPayloadException;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxMessage;
import io.relaybox.testkit.PostgresExtension;

/**
 * The orders API over real HTTP on a real PostgreSQL; {@code outbox.cleanup=retain} keeps the outbox rows so that
 * the events can be read back.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "outbox.cleanup=retain", "outbox.inbox.consumer-enabled=false" })
@DirtiesContext
class OrderApiIT {

    private static final String ORDER = """
            {"customerId": "c-42", "currency": "EUR", "lines": [
              {"sku": "SKU-1", "quantity": 3, "unitPrice": 10.5},
              {"sku": "SKU-2", "quantity": 1, "unitPrice": 0.99}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpJson http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        OrdersDatabase.register("orders_api_it", registry);
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    @Test
    void placesAnOrderWithItsRowsAndOneOrderPlacedEvent() {
        HttpJson.Response response = http.post("/orders", ORDER);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode order = response.json();
        String orderId = order.get("orderId").asString();
        assertThat(UUID.fromString(orderId).version()).isEqualTo(7);
        assertThat(response.header("Location")).isEqualTo("/orders/" + orderId);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("customerId").asString()).isEqualTo("c-42");
        assertThat(order.get("currency").asString()).isEqualTo("EUR");
        assertThat(order.get("lines").get(0).get("lineTotal").decimalValue()).isEqualByComparingTo("31.50");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("32.49");
        assertThat(order.has("cancelledAt")).isFalse();
        assertThat(response.body()).contains("\"unitPrice\":10.50", "\"total\":32.49");

        assertThat(count("SELECT count(*) FROM orders WHERE id = ?::uuid", orderId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM order_line WHERE order_id = ?::uuid", orderId)).isEqualTo(2);
        List<Map<String, Object>> events = events(orderId);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("aggregatetype", "orders").containsEntry("type", "OrderPlaced")
                    .containsEntry("schemaversion", 2);
            assertThat(HttpJson.parse(event.get("payload").toString())).isEqualTo(withoutModes(order));
        });
        // who decides it: the platform's default, the services through events; the API shows it, the events carry it as headers
        assertThat(order.get("modes").get("inventory").asString()).isEqualTo("events");
        assertThat(order.get("modes").get("payment").asString()).isEqualTo("events");
    }

    @Test
    void placesOneOrderForAnIdempotencyKeySentTwiceAndReturnsItAgain() {
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        HttpJson.Response first = http.post("/orders", ORDER, key);
        String orderId = first.json().get("orderId").asString();
        http.post("/orders/" + orderId + "/cancel", null);
        Counts before = counts();

        // the same order written differently: spacing and 10.50 for 10.5 do not make it another request
        HttpJson.Response retry = http.post("/orders", ORDER.replace("10.5", "10.50").replace(", ", ","), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo("/orders/" + orderId);
        assertThat(retry.json()).as("the order as it is now").isEqualTo(http.get("/orders/" + orderId).json());
        assertThat(retry.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(counts()).isEqualTo(before);
        assertThat(events(orderId)).extracting(event -> event.get("type")).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void refusesAnIdempotencyKeyReusedForAnotherOrderNamingTheHeaderAndWritesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "reused-" + UUID.randomUUID());
        String orderId = http.post("/orders", ORDER, key).json().get("orderId").asString();
        Counts before = counts();

        HttpJson.Response response = http.post("/orders", ORDER.replace("\"quantity\": 3", "\"quantity\": 4"), key);

        assertProblem(response, 422, "Idempotency key already used");
        assertThat(errors(response)).containsOnlyKeys("Idempotency-Key");
        assertThat(counts()).isEqualTo(before);
        assertThat(http.get("/orders/" + orderId).json().get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void placesOneOrderWhenRequestsWithTheSameIdempotencyKeyArriveAtOnce() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "concurrent-" + UUID.randomUUID());
        Counts before = counts();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<HttpJson.Response> responses = new ArrayList<>();
        try {
            List<Future<HttpJson.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(clients.submit(() -> http.post("/orders", ORDER, key)));
            }
            for (Future<HttpJson.Response> response : sent) {
                responses.add(response.get());
            }
        } finally {
            clients.shutdown();
        }

        assertThat(responses).extracting(HttpJson.Response::status).containsOnly(201);
        assertThat(responses).extracting(response -> response.json().get("orderId").asString()).containsOnly(
                responses.get(0).json().get("orderId").asString());
        assertThat(responses).extracting(response -> response.header("Idempotent-Replayed")).containsOnlyOnce("false");
        assertThat(counts()).isEqualTo(new Counts(before.orders() + 1, before.lines() + 2, before.events() + 1));
    }

    @Test
    void placesAnOrderWithHundredsOfLinesAndTheSameSkuOnSeveralLines() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            // SKU-0 .. SKU-299, each twice, at two prices
            lines.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(i % 300).append("\",\"quantity\":2,\"unitPrice\":")
                    .append(i < 300 ? "1.25" : "0.75").append('}');
        }

        HttpJson.Response response = http.post("/orders", "{\"customerId\":\"c-many\",\"currency\":\"EUR\",\"lines\":[" + lines + "]}");

        assertThat(response.status()).isEqualTo(201);
        String orderId = response.json().get("orderId").asString();
        assertThat(response.json().get("lines")).hasSize(600);
        assertThat(response.json().get("total").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(count("SELECT count(*) FROM order_line WHERE order_id = ?::uuid", orderId)).isEqualTo(600);
        assertThat(count("SELECT count(DISTINCT sku) FROM order_line WHERE order_id = ?::uuid", orderId)).isEqualTo(300);
        assertThat(http.get("/orders/" + orderId).json()).isEqualTo(response.json());
    }

    @Test
    void keepsYenWholeAndDinarsToTheFilsThroughTheDatabase() {
        HttpJson.Response yen = http.post("/orders", "{\"customerId\":\"c-jp\",\"currency\":\"JPY\",\"lines\":["
                + "{\"sku\":\"SKU-1\",\"quantity\":3,\"unitPrice\":1500}]}");
        HttpJson.Response dinars = http.post("/orders", "{\"customerId\":\"c-kw\",\"currency\":\"KWD\",\"lines\":["
                + "{\"sku\":\"SKU-1\",\"quantity\":3,\"unitPrice\":1.255},{\"sku\":\"SKU-2\",\"quantity\":2,\"unitPrice\":0.5}]}");
        HttpJson.Response decimalYen = http.post("/orders", "{\"customerId\":\"c-jp\",\"currency\":\"JPY\",\"lines\":["
                + "{\"sku\":\"SKU-1\",\"quantity\":1,\"unitPrice\":1500.5}]}");

        assertThat(yen.status()).isEqualTo(201);
        assertThat(yen.body()).contains("\"unitPrice\":1500,", "\"lineTotal\":4500}", "\"total\":4500,");
        assertThat(dinars.body()).contains("\"unitPrice\":0.500,", "\"lineTotal\":3.765}", "\"total\":4.765,");
        for (HttpJson.Response placed : List.of(yen, dinars)) {
            String orderId = placed.json().get("orderId").asString();
            assertThat(http.get("/orders/" + orderId).body()).as("read back").isEqualTo(placed.body());
            assertThat(events(orderId).get(0).get("payload").toString()).contains("\"total\": " + placed.json().get("total").toString());
        }
        assertProblem(decimalYen, 400, "Invalid request");
        assertThat(errors(decimalYen)).containsExactly(Map.entry("lines[0].unitPrice", "must have at most 0 decimal places in JPY"));
    }

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void refusesToPublishAnEventThatBreaksItsContractAndWritesNothing() {
        Counts before = counts();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> outbox.publish(OutboxMessage.of("orders",
                UUID.randomUUID().toString(), "OrderPlaced", Map.of("orderId", "not-a-uuid", "status", "PENDING")))))
                .isInstanceOf(InvalidEventPayloadException.class).hasMessageStartingWith("OrderPlaced v1 breaks its contract: ")
                .hasMessageContaining("/orderId");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> outbox.publish(OutboxMessage.of("orders",
                UUID.randomUUID().toString(), "OrderShipped", Map.of()))))
                .isInstanceOf(InvalidEventPayloadException.class).hasMessageContaining("has no schema");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void returnsThePlacedOrder() {
        HttpJson.Response placed = http.post("/orders", ORDER);

        HttpJson.Response read = http.get("/orders/" + placed.json().get("orderId").asString());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(placed.json());
    }

    @Test
    void cancelsAnOrderWithASecondEvent() {
        String orderId = http.post("/orders", ORDER).json().get("orderId").asString();

        HttpJson.Response response = http.post("/orders/" + orderId + "/cancel", "{\"reason\": \"changed my mind\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode cancelled = response.json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("changed my mind");
        assertThat(cancelled.get("cancelledAt").asString()).isNotBlank();
        assertThat(cancelled.get("total").decimalValue()).isEqualByComparingTo("32.49");
        assertThat(events(orderId)).extracting(event -> event.get("type")).containsExactly("OrderPlaced", "OrderCancelled");
        assertThat(HttpJson.parse(events(orderId).get(1).get("payload").toString())).isEqualTo(withoutModes(cancelled));
        assertThat(http.get("/orders/" + orderId).json()).isEqualTo(cancelled);
    }

    @Test
    void cancelsWithADefaultReasonWithoutABody() {
        String orderId = http.post("/orders", ORDER).json().get("orderId").asString();

        HttpJson.Response response = http.post("/orders/" + orderId + "/cancel", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("cancellationReason").asString()).isEqualTo(Orders.DEFAULT_CANCELLATION_REASON);
    }

    @Test
    void refusesToCancelTwiceWithConflictAndWritesNothing() {
        String orderId = http.post("/orders", ORDER).json().get("orderId").asString();
        JsonNode cancelled = http.post("/orders/" + orderId + "/cancel", null).json();
        Counts before = counts();

        HttpJson.Response response = http.post("/orders/" + orderId + "/cancel", "{\"reason\": \"again\"}");

        assertProblem(response, 409, "Order already cancelled");
        assertThat(response.json().get("detail").asString()).contains(orderId);
        assertThat(counts()).isEqualTo(before);
        assertThat(http.get("/orders/" + orderId).json()).isEqualTo(cancelled);
    }

    @Test
    void answersNotFoundForAnUnknownOrder() {
        Counts before = counts();
        String unknown = UUID.randomUUID().toString();

        assertProblem(http.get("/orders/" + unknown), 404, "Order not found");
        assertProblem(http.post("/orders/" + unknown + "/cancel", null), 404, "Order not found");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void rejectsAnOrderIdThatIsNotAUuid() {
        HttpJson.Response response = http.get("/orders/not-a-uuid");

        assertProblem(response, 400, "Invalid request");
        assertThat(errors(response)).containsExactly(Map.entry("id", "must be a UUID"));
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                Arguments.of("missing fields", "{}", Map.of("customerId", "must not be blank",
                        "currency", "must not be blank", "lines", "must not be empty")),
                Arguments.of("empty lines", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": []}",
                        Map.of("lines", "must not be empty")),
                Arguments.of("zero quantity", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": 0, \"unitPrice\": 1}]}",
                        Map.of("lines[0].quantity", "must be greater than 0")),
                Arguments.of("negative price", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1},"
                        + "{\"sku\": \"B\", \"quantity\": 1, \"unitPrice\": -5}]}",
                        Map.of("lines[1].unitPrice", "must be greater than or equal to 0")),
                Arguments.of("unknown currency", "{\"customerId\": \"c-1\", \"currency\": \"ABC\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1}]}",
                        Map.of("currency", "must be an ISO 4217 currency code, e.g. EUR")),
                Arguments.of("text quantity", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": \"two\", \"unitPrice\": 1}]}",
                        Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("fractional quantity", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": 2.5, \"unitPrice\": 1}]}",
                        Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("quantity as a string", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": \"5\", \"unitPrice\": 1}]}",
                        Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("price as a string", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": 5, \"unitPrice\": \"1.50\"}]}",
                        Map.of("lines[0].unitPrice", "must be a number")),
                Arguments.of("whole quantity written as a decimal", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": 2.0, \"unitPrice\": 1}]}",
                        Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("a key given twice", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"lines\": ["
                        + "{\"sku\": \"A\", \"quantity\": 5, \"quantity\": 6, \"unitPrice\": 1}]}",
                        Map.of("lines[0].quantity", "must be given once")),
                Arguments.of("malformed JSON", "{\"customerId\": \"c-1\", \"currency\": ",
                        Map.of("body", "must be valid JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void rejectsAnInvalidOrderNamingTheFieldsAndWritesNothing(String name, String body, Map<String, String> expected) {
        Counts before = counts();

        HttpJson.Response response = http.post("/orders", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("instance").asString()).isEqualTo("/orders");
        assertThat(errors(response)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void rejectsAMissingBody() {
        HttpJson.Response response = http.post("/orders", "");

        assertProblem(response, 400, "Missing request body");
    }

    @Test
    void reportsHealthAndReadiness() {
        HttpJson.Response health = http.get("/actuator/health");
        HttpJson.Response readiness = http.get("/actuator/health/readiness");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    record Counts(long orders, long lines, long events) {
    }

    private Counts counts() {
        return new Counts(count("SELECT count(*) FROM orders"), count("SELECT count(*) FROM order_line"),
                count("SELECT count(*) FROM outbox_event"));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private List<Map<String, Object>> events(String orderId) {
        return jdbc.sql("SELECT aggregatetype, type, schemaversion, payload::text AS payload FROM outbox_event"
                + " WHERE aggregateid = ? ORDER BY id").param(orderId).query().listOfRows();
    }

    private static void assertProblem(HttpJson.Response response, int status, String title) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isEqualTo(title);
    }

    private static Map<String, String> errors(HttpJson.Response response) {
        Map<String, String> errors = new LinkedHashMap<>();
        response.json().get("errors").forEach(error -> errors.put(error.get("field").asString(),
                error.get("message").asString()));
        return errors;
    }

    /** The order as its events carry it: the modes it was placed under travel as the events' headers, not in the payload. */
    private static JsonNode withoutModes(JsonNode order) {
        tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) order).deepCopy();
        copy.remove("modes");
        return copy;
    }
}
