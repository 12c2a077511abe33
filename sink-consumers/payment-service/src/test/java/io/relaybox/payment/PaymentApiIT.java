package io.relaybox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
 * The payment HTTP API (the monolith's synchronous path) over real HTTP on a real PostgreSQL, without the consumer;
 * {@code outbox.cleanup=retain} keeps the outbox rows so that the events can be read back. Each test pays from an
 * account of its own, so the seeded accounts stay as seeded.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "outbox.inbox.consumer-enabled=false", "outbox.cleanup=retain" })
@DirtiesContext
class PaymentApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpJson http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> ServiceDatabase.create(PostgresExtension.endpoint(),
                "payment_api_it", "payment_app").url());
        registry.add("spring.datasource.username", () -> "payment_app");
        registry.add("spring.datasource.password", () -> "service-pw");
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    @Test
    void servesTheSeededAccountsOfCustomers000To189InFiveCurrencies() {
        HttpJson.Response all = http.get("/accounts");
        HttpJson.Response one = http.get("/accounts/customer-189");

        assertThat(all.status()).isEqualTo(200);
        Map<String, JsonNode> byCustomer = new LinkedHashMap<>();
        all.json().forEach(account -> byCustomer.put(account.get("customerId").asString(), account));
        assertThat(byCustomer.keySet()).contains("customer-000", "customer-189").doesNotContain("customer-190");
        assertThat(byCustomer.keySet().stream().filter(id -> id.matches("customer-\\d{3}"))).hasSize(190);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("{\"customerId\":\"customer-189\",\"balances\":["
                + "{\"currency\":\"CHF\",\"balance\":400.00,\"initial\":400.00},"
                + "{\"currency\":\"EUR\",\"balance\":400.00,\"initial\":400.00},"
                + "{\"currency\":\"JPY\",\"balance\":60000,\"initial\":60000},"
                + "{\"currency\":\"KWD\",\"balance\":120.000,\"initial\":120.000},"
                + "{\"currency\":\"USD\",\"balance\":400.00,\"initial\":400.00}]}");
        assertProblem(http.get("/accounts/customer-190"), 404, "Account not found");
    }

    @Test
    void capturesOnceAndPublishesPaymentCapturedWithTheAmountAtScaleTwo() {
        String customer = account("EUR", "100.00");
        UUID orderId = UUID.randomUUID();
        String body = capture(customer, "EUR", "30.5");

        HttpJson.Response first = http.post("/payments/" + orderId + "/capture", body);
        HttpJson.Response again = http.post("/payments/" + orderId + "/capture", body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"orderId\":\"" + orderId + "\",\"status\":\"CAPTURED\",\"customerId\":\""
                + customer + "\",\"currency\":\"EUR\",\"amount\":30.50}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertBalance(customer, "EUR", "69.50");
        assertThat(events(orderId)).containsExactly("PaymentCaptured");
        assertThat(payload(orderId, "PaymentCaptured")).isEqualTo("{\"amount\": 30.50, \"orderId\": \"" + orderId
                + "\", \"currency\": \"EUR\", \"customerId\": \"" + customer + "\"}");
        assertThat(http.get("/payments/" + orderId).json()).isEqualTo(first.json());
    }

    @Test
    void capturesYenWholeAndDinarsToTheFilsWithoutRounding() {
        String customer = account("JPY", "10000");
        String dinars = account("KWD", "10.000");
        UUID yenOrder = UUID.randomUUID();
        UUID dinarOrder = UUID.randomUUID();

        HttpJson.Response yen = http.post("/payments/" + yenOrder + "/capture", capture(customer, "JPY", "1500.00"));
        HttpJson.Response kwd = http.post("/payments/" + dinarOrder + "/capture", capture(dinars, "KWD", "1.25"));

        assertThat(yen.status()).isEqualTo(200);
        assertThat(yen.body()).endsWith("\"currency\":\"JPY\",\"amount\":1500}");
        assertThat(kwd.body()).endsWith("\"currency\":\"KWD\",\"amount\":1.250}");
        assertBalance(customer, "JPY", "8500");
        assertBalance(dinars, "KWD", "8.750");
        assertThat(http.get("/payments/" + dinarOrder).json()).isEqualTo(kwd.json());
    }

    @Test
    void failsWithInsufficientFundsAndDebitsNothing() {
        String customer = account("USD", "10.00");
        UUID orderId = UUID.randomUUID();

        HttpJson.Response response = http.post("/payments/" + orderId + "/capture", capture(customer, "USD", "10.01"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(response.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertBalance(customer, "USD", "10.00");
        assertThat(events(orderId)).containsExactly("PaymentFailed");
        assertThat(HttpJson.parse(payload(orderId, "PaymentFailed")).get("reason").asString())
                .isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void failsWithInsufficientFundsInACurrencyTheCustomerHasNoAccountIn() {
        String customer = account("USD", "10.00");

        HttpJson.Response response = http.post("/payments/" + UUID.randomUUID() + "/capture",
                capture(customer, "CHF", "1.00"));

        assertThat(response.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void failsForAnUnknownCustomer() {
        UUID orderId = UUID.randomUUID();

        HttpJson.Response response = http.post("/payments/" + orderId + "/capture",
                capture("customer-195", "EUR", "1.00"));

        assertThat(response.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(response.json().get("reason").asString()).isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(HttpJson.parse(payload(orderId, "PaymentFailed")).get("customerId").asString())
                .isEqualTo("customer-195");
    }

    @Test
    void refundsACapturedPaymentOnceAndPublishesPaymentRefunded() {
        String customer = account("CHF", "50.00");
        UUID orderId = UUID.randomUUID();
        http.post("/payments/" + orderId + "/capture", capture(customer, "CHF", "20.00"));

        HttpJson.Response refunded = http.post("/payments/" + orderId + "/refund", null);
        HttpJson.Response again = http.post("/payments/" + orderId + "/refund", null);

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(again.json()).isEqualTo(refunded.json());
        assertBalance(customer, "CHF", "50.00");
        assertThat(events(orderId)).containsExactly("PaymentCaptured", "PaymentRefunded");
        assertThat(HttpJson.parse(payload(orderId, "PaymentRefunded")).get("amount").decimalValue())
                .isEqualByComparingTo("20.00");
    }

    @Test
    void refundsNothingOfAFailedPayment() {
        String customer = account("EUR", "1.00");
        UUID orderId = UUID.randomUUID();
        http.post("/payments/" + orderId + "/capture", capture(customer, "EUR", "2.00"));

        HttpJson.Response response = http.post("/payments/" + orderId + "/refund", null);

        assertThat(response.json().get("status").asString()).isEqualTo("FAILED");
        assertBalance(customer, "EUR", "1.00");
        assertThat(events(orderId)).containsExactly("PaymentFailed");
    }

    @Test
    void neverCapturesAnOrderRefundedBeforeItWasPlaced() {
        String customer = account("EUR", "5.00");
        UUID orderId = UUID.randomUUID();

        HttpJson.Response cancelled = http.post("/payments/" + orderId + "/refund", null);
        HttpJson.Response captured = http.post("/payments/" + orderId + "/capture", capture(customer, "EUR", "1.00"));

        assertThat(cancelled.body()).isEqualTo("{\"orderId\":\"" + orderId + "\",\"status\":\"CANCELLED\"}");
        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.json()).isEqualTo(cancelled.json());
        assertBalance(customer, "EUR", "5.00");
        assertThat(events(orderId)).isEmpty();
    }

    @Test
    void answersNotFoundForAnUnknownPayment() {
        assertProblem(http.get("/payments/" + UUID.randomUUID()), 404, "Payment not found");
    }

    @Test
    void rejectsAnOrderIdThatIsNotAUuid() {
        HttpJson.Response response = http.post("/payments/42/capture", capture("c-1", "EUR", "1.00"));

        assertProblem(response, 400, "Invalid request");
        assertThat(errors(response)).containsExactly(Map.entry("orderId", "must be a UUID"));
    }

    @Test
    void hasNoFaultEndpointWithoutTheFaultsProperty() {
        // relaybox.faults.enabled is off by default: no fault injector, no /faults
        assertProblem(http.get("/faults"), 404, "Not Found");
    }

    static Stream<Arguments> invalidCaptures() {
        return Stream.of(
                Arguments.of("missing fields", "{}", "Invalid request", Map.of("customerId", "must not be blank",
                        "currency", "must not be blank", "amount", "must not be null")),
                Arguments.of("negative amount", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"amount\": -1}",
                        "Invalid request", Map.of("amount", "must be greater than or equal to 0")),
                Arguments.of("three decimals", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"amount\": 1.001}",
                        "Invalid request", Map.of("amount", "must have at most 2 decimal places in EUR")),
                Arguments.of("decimal yen", "{\"customerId\": \"c-1\", \"currency\": \"JPY\", \"amount\": 1500.5}",
                        "Invalid request", Map.of("amount", "must have at most 0 decimal places in JPY")),
                Arguments.of("unknown currency", "{\"customerId\": \"c-1\", \"currency\": \"ABC\", \"amount\": 1}",
                        "Invalid request", Map.of("currency", "must be an ISO 4217 currency code, e.g. EUR")),
                Arguments.of("text amount", "{\"customerId\": \"c-1\", \"currency\": \"EUR\", \"amount\": \"ten\"}",
                        "Invalid request", Map.of("amount", "must be a number")),
                Arguments.of("malformed JSON", "{\"customerId\": ", "Malformed JSON",
                        Map.of("body", "must be valid JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCaptures")
    void rejectsAnInvalidCaptureNamingTheFieldsAndWritesNothing(String name, String body, String title,
            Map<String, String> expected) {
        UUID orderId = UUID.randomUUID();

        HttpJson.Response response = http.post("/payments/" + orderId + "/capture", body);

        assertProblem(response, 400, title);
        assertThat(response.json().get("instance").asString()).isEqualTo("/payments/" + orderId + "/capture");
        assertThat(errors(response)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE order_id = ?").param(orderId).query(Long.class)
                .single()).isZero();
    }

    @Test
    void rejectsAMissingBody() {
        HttpJson.Response response = http.post("/payments/" + UUID.randomUUID() + "/capture", null);

        assertProblem(response, 400, "Invalid request");
        assertThat(errors(response)).containsExactly(Map.entry("body", "must not be empty"));
    }

    /** A new customer with this balance in the currency. */
    private String account(String currency, String balance) {
        String customer = "customer-t-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO account (customer_id, currency, balance, initial) VALUES (?, ?, ?, ?)")
                .params(customer, currency, new BigDecimal(balance), new BigDecimal(balance)).update();
        return customer;
    }

    private static String capture(String customer, String currency, String amount) {
        return "{\"customerId\": \"" + customer + "\", \"currency\": \"" + currency + "\", \"amount\": " + amount + "}";
    }

    private void assertBalance(String customer, String currency, String expected) {
        JsonNode account = http.get("/accounts/" + customer).json();
        List<JsonNode> balances = account.get("balances").valueStream()
                .filter(balance -> balance.get("currency").asString().equals(currency)).toList();
        assertThat(balances).singleElement().satisfies(balance ->
                assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo(expected));
    }

    private List<String> events(UUID orderId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregatetype = 'payments' AND aggregateid = ?"
                + " ORDER BY id").param(orderId.toString()).query(String.class).list();
    }

    private String payload(UUID orderId, String type) {
        return jdbc.sql("SELECT payload::text FROM outbox_event WHERE aggregateid = ? AND type = ?")
                .params(orderId.toString(), type).query(String.class).single();
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
