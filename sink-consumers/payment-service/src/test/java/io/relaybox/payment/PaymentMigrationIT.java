package io.relaybox.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The payment service's side of the migration modes (issue #12) on a real PostgreSQL, without Kafka: the state
 * transfer over real HTTP ({@code GET} and {@code PUT /migration/state}), and the migration header of the order events,
 * fed to the application's own {@link Inbox} as the Kafka consumer would feed them (in one transaction with their
 * record). Each test works on customers and orders of its own; {@code outbox.cleanup=retain} keeps the published
 * events readable.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "outbox.inbox.consumer-enabled=false", "outbox.cleanup=retain" })
@DirtiesContext
class PaymentMigrationIT {

    private static final String HEADER = "relaybox.migration.payment";
    private static final JsonMapper JSON = JsonMapper.shared();
    /** Where an invalid body holds a valid account of the test's own customer. */
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
                "payment_migration_it", "payment_app").url());
        registry.add("spring.datasource.username", () -> "payment_app");
        registry.add("spring.datasource.password", () -> "service-pw");
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    @Test
    void getsBackExactlyTheStateThatWasPut() {
        String customer = account("EUR", "1.00");
        UUID replaced = UUID.randomUUID();
        assertThat(http.post("/payments/" + replaced + "/capture", capture(customer, "EUR", "2.00")).json().get("status")
                .asString()).isEqualTo("FAILED");
        HttpJson.Response before = http.get("/migration/state");
        assertThat(before.status()).isEqualTo(200);
        ObjectNode state = (ObjectNode) before.json();
        // a changed balance; new accounts in currencies of 2, 0 and 3 decimals; a payment of each status; the failure
        // replaced by a capture
        ArrayNode accounts = (ArrayNode) state.get("accounts");
        ObjectNode own = (ObjectNode) accounts.valueStream().filter(row -> row.get("customerId").asString().equals(customer))
                .findFirst().orElseThrow();
        own.put("balance", new BigDecimal("0.00"));
        String newCustomer = "customer-n-" + UUID.randomUUID();
        accounts.add(accountRow(newCustomer, "CHF", "10.50", "20.00"));
        accounts.add(accountRow(newCustomer, "JPY", "1500", "60000"));
        accounts.add(accountRow(newCustomer, "KWD", "8.750", "120.000"));
        ArrayNode payments = (ArrayNode) state.get("payments");
        ((ObjectNode) payments.valueStream().filter(row -> row.get("orderId").asString().equals(replaced.toString()))
                .findFirst().orElseThrow()).put("status", "CAPTURED").put("amount", new BigDecimal("1.00")).putNull("failureReason");
        payments.add(payment(UUID.randomUUID(), "CAPTURED", newCustomer, "CHF", "9.50", null));
        payments.add(payment(UUID.randomUUID(), "FAILED", newCustomer, "JPY", "70000", "INSUFFICIENT_FUNDS"));
        payments.add(payment(UUID.randomUUID(), "REFUNDED", newCustomer, "KWD", "1.250", null));
        payments.add(payment(UUID.randomUUID(), "CANCELLED", null, null, null, null));

        HttpJson.Response put = put("/migration/state", state.toString());
        HttpJson.Response after = http.get("/migration/state");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"accounts\":" + accounts.size() + ",\"payments\":" + payments.size() + "}");
        assertThat(after.status()).isEqualTo(200);
        JsonNode sent = HttpJson.parse(state.toString());
        assertThat(after.json().propertyNames()).containsExactly("accounts", "payments");
        assertThat(elements(after.json().get("accounts"))).containsExactlyElementsOf(sortedByAccount(elements(sent.get("accounts"))));
        assertThat(elements(after.json().get("payments"))).containsExactlyInAnyOrderElementsOf(elements(sent.get("payments")));
        // each amount at its currency's scale, as sent
        assertThat(after.body()).contains("{\"customerId\":\"" + newCustomer + "\",\"currency\":\"JPY\",\"balance\":1500,\"initial\":60000}",
                "{\"customerId\":\"" + newCustomer + "\",\"currency\":\"KWD\",\"balance\":8.750,\"initial\":120.000}",
                "\"status\":\"CAPTURED\",\"customerId\":\"" + newCustomer + "\",\"currency\":\"CHF\",\"amount\":9.50,\"failureReason\":null}",
                "\"status\":\"CANCELLED\",\"customerId\":null,\"currency\":null,\"amount\":null,\"failureReason\":null}");
        assertThat(http.get("/payments/" + replaced).body()).isEqualTo("{\"orderId\":\"" + replaced + "\",\"status\":\"CAPTURED\","
                + "\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"amount\":1.00}");
    }

    @Test
    void keepsTheAccountsAndPaymentsAStateDoesNotName() {
        String kept = account("USD", "10.00");
        UUID keptOrder = UUID.randomUUID();
        JsonNode keptPayment = http.post("/payments/" + keptOrder + "/capture", capture(kept, "USD", "4.00")).json();
        String written = "customer-w-" + UUID.randomUUID();
        UUID writtenOrder = UUID.randomUUID();

        HttpJson.Response put = put("/migration/state", state(List.of(accountRow(written, "EUR", "3.00", "5.00")),
                List.of(payment(writtenOrder, "CAPTURED", written, "EUR", "2.00", null))));

        assertThat(put.body()).isEqualTo("{\"accounts\":1,\"payments\":1}");
        assertThat(http.get("/accounts/" + kept).body()).isEqualTo("{\"customerId\":\"" + kept
                + "\",\"balances\":[{\"currency\":\"USD\",\"balance\":6.00,\"initial\":10.00}]}");
        assertThat(http.get("/payments/" + keptOrder).json()).isEqualTo(keptPayment);
        assertThat(http.get("/accounts/" + written).body()).isEqualTo("{\"customerId\":\"" + written
                + "\",\"balances\":[{\"currency\":\"EUR\",\"balance\":3.00,\"initial\":5.00}]}");
        assertThat(events(writtenOrder)).as("a transfer publishes nothing").isEmpty();
    }

    @Test
    void capturingAnOrderImportedAsCapturedAnswersTheImportedPaymentAndMovesNoMoney() {
        String customer = "customer-i-" + UUID.randomUUID();
        UUID captured = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        put("/migration/state", state(List.of(accountRow(customer, "EUR", "87.50", "100.00")),
                List.of(payment(captured, "CAPTURED", customer, "EUR", "12.50", null),
                        payment(failed, "FAILED", customer, "EUR", "500.00", "INSUFFICIENT_FUNDS"))));

        HttpJson.Response again = http.post("/payments/" + captured + "/capture", capture(customer, "EUR", "12.50"));
        HttpJson.Response failedAgain = http.post("/payments/" + failed + "/capture", capture(customer, "EUR", "1.00"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"orderId\":\"" + captured + "\",\"status\":\"CAPTURED\",\"customerId\":\""
                + customer + "\",\"currency\":\"EUR\",\"amount\":12.50}");
        assertThat(failedAgain.status()).isEqualTo(200);
        assertThat(failedAgain.body()).isEqualTo("{\"orderId\":\"" + failed + "\",\"status\":\"FAILED\",\"customerId\":\""
                + customer + "\",\"currency\":\"EUR\",\"amount\":500.00,\"reason\":\"INSUFFICIENT_FUNDS\"}");
        assertBalance(customer, "EUR", "87.50");
        assertThat(events(captured)).isEmpty();
        assertThat(events(failed)).isEmpty();
    }

    @Test
    void refundsAnOrderImportedAsCapturedOnceItsCancellationComes() {
        String customer = "customer-c-" + UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        put("/migration/state", state(List.of(accountRow(customer, "EUR", "98.00", "100.00")),
                List.of(payment(orderId, "CAPTURED", customer, "EUR", "2.00", null))));

        InboxResult result = inbox.receive(event(OrderEvent.cancelled(order(orderId, customer)), "events"));

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertBalance(customer, "EUR", "100.00");
        assertThat(events(orderId)).containsExactly("PaymentRefunded");
    }

    /** Invalid bodies; each names a valid account ({@value #UNTOUCHED}) that must not be written either. */
    static Stream<Arguments> invalidStates() {
        String payments = "\"payments\": [{\"orderId\": \"" + UUID.randomUUID() + "\", ";
        return Stream.of(
                Arguments.of("no lists", "{}", Map.of("accounts", "must not be null", "payments", "must not be null")),
                Arguments.of("negative balance", "{\"accounts\": [{\"customerId\": \"c-x\", \"currency\": \"EUR\", \"balance\": -1,"
                        + " \"initial\": 0}, " + UNTOUCHED + "], \"payments\": []}",
                        Map.of("accounts[0].balance", "must be greater than or equal to 0")),
                Arguments.of("more decimals than the currency", "{\"accounts\": [{\"customerId\": \"c-x\", \"currency\": \"JPY\","
                        + " \"balance\": 1.5, \"initial\": 2}, " + UNTOUCHED + "], \"payments\": []}",
                        Map.of("accounts[0].balance", "must have at most 0 decimal places in JPY")),
                Arguments.of("missing initial", "{\"accounts\": [{\"customerId\": \"c-x\", \"currency\": \"EUR\", \"balance\": 1},"
                        + UNTOUCHED + "], \"payments\": []}", Map.of("accounts[0].initial", "must not be null")),
                Arguments.of("deciding", "{\"accounts\": [" + UNTOUCHED + "], " + payments + "\"status\": \"DECIDING\","
                        + " \"customerId\": \"c-x\", \"currency\": \"EUR\", \"amount\": 1, \"failureReason\": null}]}",
                        Map.of("payments[0].status", "must not be DECIDING: only decided payments are transferred")),
                Arguments.of("unknown status", "{\"accounts\": [" + UNTOUCHED + "], " + payments + "\"status\": \"PAID\","
                        + " \"customerId\": \"c-x\", \"currency\": \"EUR\", \"amount\": 1}]}",
                        Map.of("payments[0].status", "must be one of CAPTURED, FAILED, REFUNDED, CANCELLED")),
                Arguments.of("failure without reason", "{\"accounts\": [" + UNTOUCHED + "], " + payments + "\"status\": \"FAILED\","
                        + " \"customerId\": \"c-x\", \"currency\": \"EUR\", \"amount\": 1}]}",
                        Map.of("payments[0].failureReason", "must not be blank when the status is FAILED")),
                Arguments.of("cancelled with a charge", "{\"accounts\": [" + UNTOUCHED + "], " + payments
                        + "\"status\": \"CANCELLED\", \"amount\": 1}]}",
                        Map.of("payments[0].amount", "must be null when the status is CANCELLED")),
                Arguments.of("amount as text", "{\"accounts\": [" + UNTOUCHED + "], " + payments + "\"status\": \"CAPTURED\","
                        + " \"customerId\": \"c-x\", \"currency\": \"EUR\", \"amount\": \"ten\"}]}",
                        Map.of("payments[0].amount", "must be a number")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStates")
    void refusesAnInvalidStateNamingTheFieldsAndWritesNothing(String name, String body, Map<String, String> expected) {
        String untouched = account("EUR", "4.00");

        HttpJson.Response response = put("/migration/state", body.replace(UNTOUCHED,
                accountRow(untouched, "EUR", "0.00", "0.00").toString()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Invalid request");
        Map<String, String> errors = new LinkedHashMap<>();
        response.json().get("errors").forEach(error -> errors.put(error.get("field").asString(), error.get("message").asString()));
        assertThat(errors).containsExactlyInAnyOrderEntriesOf(expected);
        assertBalance(untouched, "EUR", "4.00");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "monolith", "sync" })
    void recordsAnOrderPlacedTheMonolithDecidedAndChargesNothing(String mode) {
        String customer = account("EUR", "10.00");
        TestOrder order = order(UUID.randomUUID(), customer);
        InboxEvent placed = event(OrderEvent.placed(order), mode);

        InboxResult result = inbox.receive(placed);

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertThat(processed(placed.id())).isTrue();
        assertThat(http.get("/payments/" + order.orderId()).status()).isEqualTo(404);
        assertBalance(customer, "EUR", "10.00");
        assertThat(events(order.orderId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "shadow", "events", "" })
    void capturesAnOrderPlacedInShadowOrEventsModeOrWithoutTheHeader(String mode) {
        String customer = account("EUR", "10.00");
        TestOrder order = order(UUID.randomUUID(), customer);

        InboxResult result = inbox.receive(event(OrderEvent.placed(order), mode.isEmpty() ? null : mode));

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertThat(http.get("/payments/" + order.orderId()).json().get("status").asString()).isEqualTo("CAPTURED");
        assertBalance(customer, "EUR", "8.00");
        assertThat(events(order.orderId())).containsExactly("PaymentCaptured");
    }

    @Test
    void deadLettersAnOrderPlacedWithAnUnknownModeNamingTheHeaderAndItsValue() {
        String customer = account("EUR", "10.00");
        InboxEvent placed = event(OrderEvent.placed(order(UUID.randomUUID(), customer)), "legacy");

        assertThatThrownBy(() -> inbox.receive(placed)).isInstanceOfSatisfying(EventHandlingException.class, e -> {
            assertThat(e.type()).isEqualTo(FailureType.PERMANENT);
            assertThat(e).hasStackTraceContaining("header relaybox.migration.payment is \"legacy\"");
        });
        assertThat(processed(placed.id())).isFalse();
        assertBalance(customer, "EUR", "10.00");
    }

    @Test
    void refundsOnOrderCancelledWhateverTheMode() {
        String customer = account("EUR", "10.00");
        TestOrder order = order(UUID.randomUUID(), customer);
        inbox.receive(event(OrderEvent.placed(order), "shadow"));

        InboxResult result = inbox.receive(event(OrderEvent.cancelled(order), "monolith"));

        assertThat(result).isEqualTo(InboxResult.APPLIED);
        assertBalance(customer, "EUR", "10.00");
        assertThat(events(order.orderId())).containsExactly("PaymentCaptured", "PaymentRefunded");
    }

    @Test
    void appliesABatchOfMonolithAndShadowOrdersInOneTransactionCapturingTheShadowOneOnly() {
        String customer = account("EUR", "10.00");
        TestOrder monolith = order(UUID.randomUUID(), customer);
        TestOrder shadow = order(UUID.randomUUID(), customer);

        var results = inbox.receiveAll(List.of(event(OrderEvent.placed(monolith), "monolith"),
                event(OrderEvent.placed(shadow), "shadow")));

        assertThat(results).contains(List.of(InboxResult.APPLIED, InboxResult.APPLIED));
        assertBalance(customer, "EUR", "8.00");
        assertThat(events(monolith.orderId())).isEmpty();
        assertThat(events(shadow.orderId())).containsExactly("PaymentCaptured");
    }

    /** A new customer with this balance in the currency. */
    private String account(String currency, String balance) {
        String customer = "customer-t-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO account (customer_id, currency, balance, initial) VALUES (?, ?, ?, ?)")
                .params(customer, currency, new BigDecimal(balance), new BigDecimal(balance)).update();
        return customer;
    }

    /** 2.00 EUR of the customer. */
    private static TestOrder order(UUID orderId, String customer) {
        return new TestOrder(orderId, customer, "EUR", List.of(TestOrder.line("SKU-APPLE", 1, "2.00")));
    }

    /** The event as the Kafka consumer hands it to the inbox, with the monolith's header (none when null). */
    private static InboxEvent event(OrderEvent event, String mode) {
        return new InboxEvent(event.id(), event.type(), event.schemaVersion(), event.orderId().toString(), null, null,
                mode == null ? Map.of() : Map.of(HEADER, mode), event.payload());
    }

    private static ObjectNode accountRow(String customer, String currency, String balance, String initial) {
        return JSON.createObjectNode().put("customerId", customer).put("currency", currency)
                .put("balance", new BigDecimal(balance)).put("initial", new BigDecimal(initial));
    }

    private static ObjectNode payment(UUID orderId, String status, String customer, String currency, String amount,
            String reason) {
        return JSON.createObjectNode().put("orderId", orderId.toString()).put("status", status).put("customerId", customer)
                .put("currency", currency).put("amount", amount == null ? null : new BigDecimal(amount))
                .put("failureReason", reason);
    }

    private static String state(List<ObjectNode> accounts, List<ObjectNode> payments) {
        ObjectNode state = JSON.createObjectNode();
        state.putArray("accounts").addAll(accounts);
        state.putArray("payments").addAll(payments);
        return state.toString();
    }

    private static String capture(String customer, String currency, String amount) {
        return "{\"customerId\": \"" + customer + "\", \"currency\": \"" + currency + "\", \"amount\": " + amount + "}";
    }

    private static List<JsonNode> elements(JsonNode array) {
        return array.valueStream().toList();
    }

    private static List<JsonNode> sortedByAccount(List<JsonNode> rows) {
        List<JsonNode> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((JsonNode row) -> row.get("customerId").asString())
                .thenComparing(row -> row.get("currency").asString()));
        return sorted;
    }

    private void assertBalance(String customer, String currency, String expected) {
        JsonNode account = http.get("/accounts/" + customer).json();
        List<JsonNode> balances = account.get("balances").valueStream()
                .filter(balance -> balance.get("currency").asString().equals(currency)).toList();
        assertThat(balances).singleElement().satisfies(balance ->
                assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo(expected));
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM processed_event WHERE consumer = 'payment-service' AND event_id = ?)")
                .param(eventId).query(Boolean.class).single();
    }

    private List<String> events(UUID orderId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregatetype = 'payments' AND aggregateid = ?"
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
