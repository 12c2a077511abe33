package io.relaybox.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.relaybox.outbox.inbox.EventHandlingException;
import io.relaybox.outbox.inbox.FailureType;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.InboxResult;
import io.relaybox.service.contract.HttpJson;
import io.relaybox.service.contract.OrderEvent;
import io.relaybox.service.contract.ServiceDatabase;
import io.relaybox.service.contract.TestOrder;
import io.relaybox.testkit.PostgresExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inventory's side of the migration modes (issue #12) on a real PostgreSQL, without Kafka: the state transfer
 * over real HTTP ({@code GET} and {@code PUT /migration/state}), and the migration header of the order events, fed to
 * the application's own {@link Inbox} as the Kafka consumer would feed them (in one transaction with their record).
 * Each test works on SKUs and orders of its own; {@code outbox.cleanup=retain} keeps the published events readable.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "outbox.inbox.consumer-enabled=false", "outbox.cleanup=retain" })
@DirtiesContext
class InventoryMigrationIT {

    private static final String HEADER = "relaybox.migration.inventory";
    private static final JsonMapper JSON = JsonMapper.shared();
    /** Where an invalid body holds a valid stock row of the test's own SKU. */
    private static final String UNTOUCHED = "UNTOUCHED_ROW";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inbox inbox;

    HttpJson http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> ServiceDatabase.create(PostgresExtension.endpoint(),
                "inventory_migration_it", "inventory_app").url());
        registry.add("spring.datasource.username", () -> "inventory_app");
        registry.add("spring.datasource.password", () -> "service-pw");
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    @Test
    void getsBackExactlyTheStateThatWasPut() {
        String rejectedSku = sku("R", 1);
        UUID replaced = UUID.randomUUID();
        assertThat(http.post("/reservations/" + replaced, lines(rejectedSku, 2)).json().get("status").asString())
                .isEqualTo("REJECTED");
        HttpJson.Response before = http.get("/migration/state");
        assertThat(before.status()).isEqualTo(200);
        ObjectNode state = (ObjectNode) before.json();
        // every row the service has, changed; a new SKU; a reservation of each status; the rejection replaced
        state.get("stock").forEach(row -> ((ObjectNode) row).put("onHand", row.get("onHand").asInt() + 1));
        String newSku = "SKU-N-" + UUID.randomUUID();
        ((ArrayNode) state.get("stock")).add(stockRow(newSku, 5, 3, 8));
        ArrayNode reservations = (ArrayNode) state.get("reservations");
        reservations.valueStream().filter(row -> row.get("orderId").asString().equals(replaced.toString())).findFirst()
                .map(ObjectNode.class::cast).orElseThrow().put("status", "RELEASED");
        reservations.add(reservation(UUID.randomUUID(), "RESERVED", newSku, 3));
        reservations.add(reservation(UUID.randomUUID(), "REJECTED", newSku, 9));
        reservations.add(reservation(UUID.randomUUID(), "RELEASED", newSku, 1));
        reservations.add(reservation(UUID.randomUUID(), "CANCELLED"));

        HttpJson.Response put = put("/migration/state", state.toString());
        HttpJson.Response after = http.get("/migration/state");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"stock\":" + state.get("stock").size() + ",\"reservations\":" + reservations.size() + "}");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().propertyNames()).containsExactly("stock", "reservations");
        assertThat(elements(after.json().get("stock"))).containsExactlyElementsOf(sortedBySku(elements(state.get("stock"))));
        assertThat(elements(after.json().get("reservations"))).containsExactlyInAnyOrderElementsOf(elements(reservations));
        assertThat(jdbc.sql("SELECT count(*) FROM reservation_shortage WHERE order_id = ?").param(replaced)
                .query(Long.class).single()).as("the replaced rejection's shortages").isZero();
        assertThat(http.get("/reservations/" + replaced).json().get("status").asString()).isEqualTo("RELEASED");
    }

    @Test
    void keepsTheStockAndReservationsAStateDoesNotName() {
        String kept = sku("K", 5);
        UUID keptOrder = UUID.randomUUID();
        JsonNode keptReservation = http.post("/reservations/" + keptOrder, lines(kept, 2)).json();
        String written = "SKU-W-" + UUID.randomUUID();
        UUID writtenOrder = UUID.randomUUID();

        HttpJson.Response put = put("/migration/state", state(List.of(stockRow(written, 1, 1, 2)),
                List.of(reservation(writtenOrder, "RESERVED", written, 1))));

        assertThat(put.body()).isEqualTo("{\"stock\":1,\"reservations\":1}");
        assertThat(http.get("/stock/" + kept).body()).isEqualTo("{\"sku\":\"" + kept + "\",\"onHand\":3,\"reserved\":2,\"initial\":5}");
        assertThat(http.get("/reservations/" + keptOrder).json()).isEqualTo(keptReservation);
        assertThat(http.get("/stock/" + written).body()).isEqualTo("{\"sku\":\"" + written + "\",\"onHand\":1,\"reserved\":1,\"initial\":2}");
        assertThat(events(writtenOrder)).as("a transfer publishes nothing").isEmpty();
    }

    @Test
    void reservingAnOrderImportedAsReservedAnswersTheImportedReservationAndMovesNoStock() {
        String sku = "SKU-I-" + UUID.randomUUID();
        UUID reserved = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        put("/migration/state", state(List.of(stockRow(sku, 7, 3, 10)),
                List.of(reservation(reserved, "RESERVED", sku, 3), reservation(rejected, "REJECTED", sku, 50))));

        HttpJson.Response again = http.post("/reservations/" + reserved, lines(sku, 3));
        HttpJson.Response rejectedAgain = http.post("/reservations/" + rejected, lines(sku, 1));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"orderId\":\"" + reserved + "\",\"status\":\"RESERVED\",\"lines\":[{\"sku\":\""
                + sku + "\",\"quantity\":3}],\"shortSkus\":[]}");
        assertThat(rejectedAgain.status()).isEqualTo(200);
        assertThat(rejectedAgain.json().get("status").asString()).isEqualTo("REJECTED");
        assertStock(sku, 7, 3);
        assertThat(events(reserved)).isEmpty();
        assertThat(events(rejected)).isEmpty();
    }

    @Test
    void releasesAnOrderImportedAsReservedOnceItsCancellationComes() {
        String sku = "SKU-C-" + UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        put("/migration/state", state(List.of(stockRow(sku, 7, 3, 10)), List.of(reservation(orderId, "RESERVED", sku, 3))));

        InboxResult result = inbox.receive(event(OrderEvent.cancelled(order(orderId, sku, 3)), "events"));

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertStock(sku, 10, 0);
        assertThat(events(orderId)).containsExactly("InventoryReleased");
    }

    /** Invalid bodies; each names a valid stock row ({@value #UNTOUCHED}) that must not be written either. */
    static Stream<Arguments> invalidStates() {
        String reservations = "\"reservations\": [{\"orderId\": \"" + UUID.randomUUID() + "\", ";
        return Stream.of(
                Arguments.of("no lists", "{}", Map.of("stock", "must not be null", "reservations", "must not be null")),
                Arguments.of("negative figure", "{\"stock\": [{\"sku\": \"SKU-X\", \"onHand\": -1, \"reserved\": 0,"
                        + " \"initial\": 0}, " + UNTOUCHED + "], \"reservations\": []}",
                        Map.of("stock[0].onHand", "must be greater than or equal to 0")),
                Arguments.of("missing figure", "{\"stock\": [{\"sku\": \"SKU-X\", \"onHand\": 1, \"reserved\": 0},"
                        + UNTOUCHED + "], \"reservations\": []}", Map.of("stock[0].initial", "must not be null")),
                Arguments.of("deciding", "{\"stock\": [" + UNTOUCHED + "], " + reservations
                        + "\"status\": \"DECIDING\", \"lines\": [{\"sku\": \"SKU-X\", \"quantity\": 1}]}]}",
                        Map.of("reservations[0].status", "must not be DECIDING: only decided reservations are transferred")),
                Arguments.of("unknown status", "{\"stock\": [" + UNTOUCHED + "], " + reservations
                        + "\"status\": \"HELD\", \"lines\": []}]}",
                        Map.of("reservations[0].status", "must be one of RESERVED, REJECTED, RELEASED, CANCELLED")),
                Arguments.of("figure as text", "{\"stock\": [{\"sku\": \"SKU-X\", \"onHand\": \"5\", \"reserved\": 0,"
                        + " \"initial\": 5}, " + UNTOUCHED + "], \"reservations\": []}",
                        Map.of("stock[0].onHand", "must be an integer")),
                Arguments.of("order id not a UUID", "{\"stock\": [" + UNTOUCHED + "], \"reservations\": [{\"orderId\": \"o-1\","
                        + " \"status\": \"CANCELLED\", \"lines\": []}]}", Map.of("reservations[0].orderId", "must be a UUID")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStates")
    void refusesAnInvalidStateNamingTheFieldsAndWritesNothing(String name, String body, Map<String, String> expected) {
        String untouched = sku("U", 4);

        HttpJson.Response response = put("/migration/state", body.replace(UNTOUCHED, stockRow(untouched, 0, 0, 0).toString()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Invalid request");
        Map<String, String> errors = new LinkedHashMap<>();
        response.json().get("errors").forEach(error -> errors.put(error.get("field").asString(), error.get("message").asString()));
        assertThat(errors).containsExactlyInAnyOrderEntriesOf(expected);
        assertStock(untouched, 4, 0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "monolith", "sync" })
    void recordsAnOrderPlacedTheMonolithDecidedAndReservesNothing(String mode) {
        String sku = sku("M", 5);
        TestOrder order = order(UUID.randomUUID(), sku, 2);
        InboxEvent placed = event(OrderEvent.placed(order), mode);

        InboxResult result = inbox.receive(placed);

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertThat(processed(placed.id())).isTrue();
        assertThat(http.get("/reservations/" + order.orderId()).status()).isEqualTo(404);
        assertStock(sku, 5, 0);
        assertThat(events(order.orderId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "shadow", "events", "" })
    void reservesAnOrderPlacedInShadowOrEventsModeOrWithoutTheHeader(String mode) {
        String sku = sku("S", 5);
        TestOrder order = order(UUID.randomUUID(), sku, 2);

        InboxResult result = inbox.receive(event(OrderEvent.placed(order), mode.isEmpty() ? null : mode));

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertThat(http.get("/reservations/" + order.orderId()).json().get("status").asString()).isEqualTo("RESERVED");
        assertStock(sku, 3, 2);
        assertThat(events(order.orderId())).containsExactly("InventoryReserved");
    }

    @Test
    void deadLettersAnOrderPlacedWithAnUnknownModeNamingTheHeaderAndItsValue() {
        String sku = sku("D", 5);
        TestOrder order = order(UUID.randomUUID(), sku, 2);
        InboxEvent placed = event(OrderEvent.placed(order), "legacy");

        assertThatThrownBy(() -> inbox.receive(placed)).isInstanceOfSatisfying(EventHandlingException.class, e -> {
            assertThat(e.type()).isEqualTo(FailureType.PERMANENT);
            assertThat(e).hasStackTraceContaining("header relaybox.migration.inventory is \"legacy\"");
        });
        assertThat(processed(placed.id())).isFalse();
        assertStock(sku, 5, 0);
    }

    @Test
    void releasesOnOrderCancelledWhateverTheMode() {
        String sku = sku("X", 5);
        TestOrder order = order(UUID.randomUUID(), sku, 2);
        inbox.receive(event(OrderEvent.placed(order), "shadow"));

        InboxResult result = inbox.receive(event(OrderEvent.cancelled(order), "monolith"));

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertStock(sku, 5, 0);
        assertThat(events(order.orderId())).containsExactly("InventoryReserved", "InventoryReleased");
    }

    @Test
    void appliesABatchOfMonolithAndShadowOrdersInOneTransactionReservingTheShadowOneOnly() {
        String sku = sku("B", 5);
        TestOrder monolith = order(UUID.randomUUID(), sku, 1);
        TestOrder shadow = order(UUID.randomUUID(), sku, 2);

        var results = inbox.receiveAll(List.of(event(OrderEvent.placed(monolith), "monolith"),
                event(OrderEvent.placed(shadow), "shadow")));

        assertThat(results).contains(List.of(InboxResult.APPLIED, InboxResult.APPLIED));
        assertStock(sku, 3, 2);
        assertThat(events(monolith.orderId())).isEmpty();
        assertThat(events(shadow.orderId())).containsExactly("InventoryReserved");
    }

    /** A new SKU with this many units on hand, named SKU-{letter}-{uuid}. */
    private String sku(String letter, int onHand) {
        String sku = "SKU-" + letter + "-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO stock (sku, on_hand, reserved, initial) VALUES (?, ?, 0, ?)").params(sku, onHand, onHand)
                .update();
        return sku;
    }

    private static TestOrder order(UUID orderId, String sku, int quantity) {
        return new TestOrder(orderId, "customer-001", "EUR", List.of(TestOrder.line(sku, quantity, "1.00")));
    }

    /** The event as the Kafka consumer hands it to the inbox, with the monolith's header (none when null). */
    private static InboxEvent event(OrderEvent event, String mode) {
        return new InboxEvent(event.id(), event.type(), event.schemaVersion(), event.orderId().toString(), null, null,
                mode == null ? Map.of() : Map.of(HEADER, mode), event.payload());
    }

    private static ObjectNode stockRow(String sku, int onHand, int reserved, int initial) {
        return JSON.createObjectNode().put("sku", sku).put("onHand", onHand).put("reserved", reserved).put("initial", initial);
    }

    /** A reservation of one line, or of none when no SKU is given. */
    private static ObjectNode reservation(UUID orderId, String status, Object... skuAndQuantity) {
        ObjectNode reservation = JSON.createObjectNode().put("orderId", orderId.toString()).put("status", status);
        ArrayNode lines = reservation.putArray("lines");
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.addObject().put("sku", (String) skuAndQuantity[i]).put("quantity", (Integer) skuAndQuantity[i + 1]);
        }
        return reservation;
    }

    private static String state(List<ObjectNode> stock, List<ObjectNode> reservations) {
        ObjectNode state = JSON.createObjectNode();
        state.putArray("stock").addAll(stock);
        state.putArray("reservations").addAll(reservations);
        return state.toString();
    }

    private static String lines(String sku, int quantity) {
        return "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}]}";
    }

    private static List<JsonNode> elements(JsonNode array) {
        return array.valueStream().toList();
    }

    private static List<JsonNode> sortedBySku(List<JsonNode> rows) {
        List<JsonNode> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.get("sku").asString().compareTo(b.get("sku").asString()));
        return sorted;
    }

    private void assertStock(String sku, int onHand, int reserved) {
        JsonNode level = http.get("/stock/" + sku).json();
        assertThat(level.get("onHand").asInt()).as("%s on hand", sku).isEqualTo(onHand);
        assertThat(level.get("reserved").asInt()).as("%s reserved", sku).isEqualTo(reserved);
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM processed_event WHERE consumer = 'inventory-service' AND event_id = ?)")
                .param(eventId).query(Boolean.class).single();
    }

    private List<String> events(UUID orderId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregatetype = 'inventory' AND aggregateid = ?"
                + " ORDER BY id").param(orderId.toString()).query(String.class).list();
    }

    /** PUTs the JSON body (the contract module's client has GET and POST only). */
    private HttpJson.Response put(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpJson.Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
