package io.relaybox.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

import io.relaybox.testkit.PostgresExtension;
import io.relaybox.service.contract.HttpJson;
import io.relaybox.service.contract.ServiceDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The inventory HTTP API (the monolith's synchronous path) over real HTTP on a real PostgreSQL, without the consumer;
 * {@code outbox.cleanup=retain} keeps the outbox rows so that the events can be read back. Each test reserves SKUs of
 * its own, so the seeded stock stays as seeded.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "outbox.inbox.consumer-enabled=false", "outbox.cleanup=retain" })
@DirtiesContext
class InventoryApiIT {

    private static final List<String> SEEDED = List.of("SKU-APPLE", "SKU-BREAD", "SKU-CHEESE", "SKU-DATES",
            "SKU-EGGS", "SKU-FLOUR", "SKU-GRAPES", "SKU-HONEY");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpJson http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> ServiceDatabase.create(PostgresExtension.endpoint(),
                "inventory_api_it", "inventory_app").url());
        registry.add("spring.datasource.username", () -> "inventory_app");
        registry.add("spring.datasource.password", () -> "service-pw");
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    @Test
    void servesTheSeededStockOfEverySku() {
        HttpJson.Response all = http.get("/stock");
        HttpJson.Response one = http.get("/stock/SKU-HONEY");

        assertThat(all.status()).isEqualTo(200);
        Map<String, JsonNode> bySku = new LinkedHashMap<>();
        all.json().forEach(level -> bySku.put(level.get("sku").asString(), level));
        assertThat(bySku.keySet()).containsAll(SEEDED);
        SEEDED.forEach(sku -> assertThat(bySku.get(sku).toString())
                .isEqualTo("{\"sku\":\"" + sku + "\",\"onHand\":450,\"reserved\":0,\"initial\":450}"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(bySku.get("SKU-HONEY"));
    }

    @Test
    void reservesEveryLineWithTheLinesOfOneSkuSummedAndPublishesInventoryReservedOnce() {
        String a = sku("A", 5);
        String b = sku("B", 5);
        UUID orderId = UUID.randomUUID();
        String body = lines(a, 2, b, 1, a, 1);

        HttpJson.Response first = http.post("/reservations/" + orderId, body);
        HttpJson.Response again = http.post("/reservations/" + orderId, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("RESERVED");
        assertThat(first.json().get("lines").toString())
                .isEqualTo("[{\"sku\":\"" + a + "\",\"quantity\":3},{\"sku\":\"" + b + "\",\"quantity\":1}]");
        assertThat(first.json().get("shortSkus").isEmpty()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertStock(a, 2, 3);
        assertStock(b, 4, 1);
        assertThat(events(orderId)).containsExactly("InventoryReserved");
        JsonNode event = payload(orderId, "InventoryReserved");
        assertThat(event.properties()).hasSize(2);
        assertThat(event.get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(event.get("lines")).isEqualTo(first.json().get("lines"));
        assertThat(http.get("/reservations/" + orderId).json()).isEqualTo(first.json());
    }

    @Test
    void rejectsAllLinesWhenOneSkuIsShortAndHoldsNothing() {
        String plenty = sku("P", 5);
        String scarce = sku("T", 1);
        String unknown = "SKU-NONE-" + UUID.randomUUID();
        UUID orderId = UUID.randomUUID();

        HttpJson.Response response = http.post("/reservations/" + orderId, lines(plenty, 2, scarce, 3, unknown, 1));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("REJECTED");
        // sorted by SKU: SKU-NONE-… before SKU-T-…
        assertThat(response.json().get("shortSkus").toString()).isEqualTo("[{\"sku\":\"" + unknown
                + "\",\"requested\":1,\"available\":0},{\"sku\":\"" + scarce + "\",\"requested\":3,\"available\":1}]");
        assertStock(plenty, 5, 0);
        assertStock(scarce, 1, 0);
        assertThat(events(orderId)).containsExactly("InventoryRejected");
        assertThat(payload(orderId, "InventoryRejected").get("shortSkus")).isEqualTo(response.json().get("shortSkus"));
        assertThat(payload(orderId, "InventoryRejected").get("orderId").asString()).isEqualTo(orderId.toString());
    }

    @Test
    void releasesAReservationOnceAndPublishesInventoryReleased() {
        String a = sku("A", 5);
        UUID orderId = UUID.randomUUID();
        http.post("/reservations/" + orderId, lines(a, 4));

        HttpJson.Response released = http.post("/reservations/" + orderId + "/release", null);
        HttpJson.Response again = http.post("/reservations/" + orderId + "/release", null);

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(again.json()).isEqualTo(released.json());
        assertStock(a, 5, 0);
        assertThat(events(orderId)).containsExactly("InventoryReserved", "InventoryReleased");
        assertThat(payload(orderId, "InventoryReleased").get("lines").toString())
                .isEqualTo("[{\"sku\":\"" + a + "\",\"quantity\":4}]");
    }

    @Test
    void releasesNothingOfARejectedOrder() {
        String a = sku("A", 1);
        UUID orderId = UUID.randomUUID();
        http.post("/reservations/" + orderId, lines(a, 2));

        HttpJson.Response response = http.post("/reservations/" + orderId + "/release", null);

        assertThat(response.json().get("status").asString()).isEqualTo("REJECTED");
        assertStock(a, 1, 0);
        assertThat(events(orderId)).containsExactly("InventoryRejected");
    }

    @Test
    void neverReservesAnOrderReleasedBeforeItWasPlaced() {
        String a = sku("A", 5);
        UUID orderId = UUID.randomUUID();

        HttpJson.Response cancelled = http.post("/reservations/" + orderId + "/release", null);
        HttpJson.Response reserved = http.post("/reservations/" + orderId, lines(a, 1));

        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(reserved.status()).isEqualTo(200);
        assertThat(reserved.json().get("status").asString()).isEqualTo("CANCELLED");
        assertStock(a, 5, 0);
        assertThat(events(orderId)).isEmpty();
    }

    @Test
    void answersNotFoundForAnUnknownReservationOrSku() {
        assertProblem(http.get("/reservations/" + UUID.randomUUID()), 404, "Reservation not found");
        assertProblem(http.get("/stock/SKU-NOTHING"), 404, "SKU not found");
    }

    @Test
    void rejectsAnOrderIdThatIsNotAUuid() {
        HttpJson.Response response = http.post("/reservations/not-a-uuid", lines("SKU-APPLE", 1));

        assertProblem(response, 400, "Invalid request");
        assertThat(errors(response)).containsExactly(Map.entry("orderId", "must be a UUID"));
    }

    static Stream<Arguments> invalidReservations() {
        return Stream.of(
                Arguments.of("no lines", "{}", "Invalid request", Map.of("lines", "must not be empty")),
                Arguments.of("empty lines", "{\"lines\": []}", "Invalid request",
                        Map.of("lines", "must not be empty")),
                Arguments.of("incomplete lines", "{\"lines\": [{\"sku\": \"A\", \"quantity\": 0}, {\"quantity\": 1}]}",
                        "Invalid request", Map.of("lines[0].quantity", "must be greater than 0",
                                "lines[1].sku", "must not be blank")),
                Arguments.of("text quantity", "{\"lines\": [{\"sku\": \"A\", \"quantity\": \"two\"}]}",
                        "Invalid request", Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("fractional quantity", "{\"lines\": [{\"sku\": \"A\", \"quantity\": 2.5}]}",
                        "Invalid request", Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("quantity as a string", "{\"lines\": [{\"sku\": \"A\", \"quantity\": \"5\"}]}",
                        "Invalid request", Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("whole quantity written as a decimal", "{\"lines\": [{\"sku\": \"A\", \"quantity\": 2.0}]}",
                        "Invalid request", Map.of("lines[0].quantity", "must be an integer")),
                Arguments.of("a key given twice", "{\"lines\": [{\"sku\": \"A\", \"sku\": \"B\", \"quantity\": 1}]}",
                        "Invalid request", Map.of("lines[0].sku", "must be given once")),
                Arguments.of("malformed JSON", "{\"lines\": [", "Malformed JSON",
                        Map.of("body", "must be valid JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReservations")
    void rejectsAnInvalidReservationNamingTheFieldsAndWritesNothing(String name, String body, String title,
            Map<String, String> expected) {
        UUID orderId = UUID.randomUUID();

        HttpJson.Response response = http.post("/reservations/" + orderId, body);

        assertProblem(response, 400, title);
        assertThat(response.json().get("instance").asString()).isEqualTo("/reservations/" + orderId);
        assertThat(errors(response)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation WHERE order_id = ?").param(orderId).query(Long.class)
                .single()).isZero();
    }

    @Test
    void rejectsAMissingBody() {
        HttpJson.Response response = http.post("/reservations/" + UUID.randomUUID(), null);

        assertProblem(response, 400, "Invalid request");
        assertThat(errors(response)).containsExactly(Map.entry("body", "must not be empty"));
    }

    /** A new SKU with this many units on hand, named SKU-{letter}-{uuid}, so that the letter decides the order. */
    private String sku(String letter, int onHand) {
        String sku = "SKU-" + letter + "-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO stock (sku, on_hand, reserved, initial) VALUES (?, ?, 0, ?)").params(sku, onHand, onHand)
                .update();
        return sku;
    }

    private static String lines(Object... skuAndQuantity) {
        StringBuilder json = new StringBuilder("{\"lines\": [");
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append("{\"sku\": \"").append(skuAndQuantity[i])
                    .append("\", \"quantity\": ").append(skuAndQuantity[i + 1]).append('}');
        }
        return json.append("]}").toString();
    }

    private void assertStock(String sku, int onHand, int reserved) {
        JsonNode level = http.get("/stock/" + sku).json();
        assertThat(level.get("onHand").asInt()).as("%s on hand", sku).isEqualTo(onHand);
        assertThat(level.get("reserved").asInt()).as("%s reserved", sku).isEqualTo(reserved);
    }

    private List<String> events(UUID orderId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregatetype = 'inventory' AND aggregateid = ?"
                + " ORDER BY id").param(orderId.toString()).query(String.class).list();
    }

    private JsonNode payload(UUID orderId, String type) {
        return HttpJson.parse(jdbc.sql("SELECT payload::text FROM outbox_event WHERE aggregateid = ? AND type = ?")
                .params(orderId.toString(), type).query(String.class).single());
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
}
