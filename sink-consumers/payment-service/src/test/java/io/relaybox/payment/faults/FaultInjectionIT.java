package io.relaybox.payment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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

/**
 * The fault injector of a payment service started with {@code relaybox.faults.enabled=true}, over real HTTP on a real
 * PostgreSQL, without Kafka: {@code /faults} sets it at run time, and both capture paths (the HTTP capture and an
 * {@code OrderPlaced} fed to the application's own {@link Inbox}, as the Kafka consumer would feed it) fail without
 * deciding anything. No test sets a latency on a capture: the unit test checks the wait it asks for. Each test pays
 * from an account of its own and leaves no faults behind.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "relaybox.faults.enabled=true", "outbox.inbox.consumer-enabled=false", "outbox.cleanup=retain" })
@DirtiesContext
class FaultInjectionIT {

    private static final String ALWAYS_FAIL = "{\"latencyMillis\": 0, \"errorShare\": 1}";

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
                "payment_faults_it", "payment_app").url());
        registry.add("spring.datasource.username", () -> "payment_app");
        registry.add("spring.datasource.password", () -> "service-pw");
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    @AfterEach
    void noFaults() {
        send("DELETE", null);
    }

    @Test
    void startsWithoutFaultsAndReadsBackWhatWasPut() {
        HttpJson.Response initial = http.get("/faults");
        HttpJson.Response put = send("PUT", "{\"latencyMillis\": 250, \"errorShare\": 0.5}");

        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body()).isEqualTo("{\"latencyMillis\":0,\"errorShare\":0.0}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"latencyMillis\":250,\"errorShare\":0.5}");
        assertThat(http.get("/faults").body()).isEqualTo(put.body());
    }

    @Test
    void failsEveryHttpCaptureWith503AndWritesNothingWhenTheErrorShareIsOne() {
        String customer = account("EUR", "10.00");
        UUID orderId = UUID.randomUUID();
        assertThat(send("PUT", ALWAYS_FAIL).body()).isEqualTo("{\"latencyMillis\":0,\"errorShare\":1.0}");

        HttpJson.Response response = http.post("/payments/" + orderId + "/capture", capture(customer, "EUR", "2.00"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(503);
        assertThat(response.json().get("title").asString()).isEqualTo("Injected fault");
        assertThat(paymentRows(orderId)).isZero();
        assertThat(events(orderId)).isEmpty();
        assertThat(balance(customer, "EUR")).isEqualByComparingTo("10.00");
    }

    @Test
    void capturesAgainOnceTheFaultsAreDeleted() {
        String customer = account("EUR", "10.00");
        UUID orderId = UUID.randomUUID();
        send("PUT", ALWAYS_FAIL);
        assertThat(http.post("/payments/" + orderId + "/capture", capture(customer, "EUR", "2.00")).status())
                .isEqualTo(503);

        HttpJson.Response deleted = send("DELETE", null);
        HttpJson.Response captured = http.post("/payments/" + orderId + "/capture", capture(customer, "EUR", "2.00"));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"latencyMillis\":0,\"errorShare\":0.0}");
        assertThat(http.get("/faults").body()).isEqualTo(deleted.body());
        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.json().get("status").asString()).isEqualTo("CAPTURED");
        assertThat(balance(customer, "EUR")).isEqualByComparingTo("8.00");
        assertThat(events(orderId)).containsExactly("PaymentCaptured");
    }

    @Test
    void failsAnOrderPlacedTransientlySoThatTheInboxRetriesItAndCapturesOnTheRetry() {
        String customer = account("EUR", "10.00");
        TestOrder order = new TestOrder(UUID.randomUUID(), customer, "EUR",
                List.of(TestOrder.line("SKU-APPLE", 1, "2.00")));
        InboxEvent placed = event(OrderEvent.placed(order));
        send("PUT", ALWAYS_FAIL);

        assertThatThrownBy(() -> inbox.receive(placed)).isInstanceOfSatisfying(EventHandlingException.class,
                e -> assertThat(e.type()).isEqualTo(FailureType.TRANSIENT));
        assertThat(processed(placed.id())).isFalse();
        assertThat(paymentRows(order.orderId())).isZero();
        assertThat(events(order.orderId())).isEmpty();

        send("DELETE", null);
        InboxResult retried = inbox.receive(placed);

        assertThat(retried).isEqualTo(InboxResult.APPLIED);
        assertThat(processed(placed.id())).isTrue();
        assertThat(balance(customer, "EUR")).isEqualByComparingTo("8.00");
        assertThat(events(order.orderId())).containsExactly("PaymentCaptured");
    }

    @Test
    void refundsWhateverTheFaults() {
        String customer = account("EUR", "10.00");
        UUID orderId = UUID.randomUUID();
        http.post("/payments/" + orderId + "/capture", capture(customer, "EUR", "2.00"));
        send("PUT", ALWAYS_FAIL);

        HttpJson.Response refunded = http.post("/payments/" + orderId + "/refund", null);

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(balance(customer, "EUR")).isEqualByComparingTo("10.00");
    }

    @Test
    void refusesInvalidSettingsNamingTheFieldsAndKeepsTheCurrentOnes() {
        send("PUT", "{\"latencyMillis\": 5, \"errorShare\": 0.1}");

        HttpJson.Response outOfRange = send("PUT", "{\"latencyMillis\": -1, \"errorShare\": 1.5}");
        HttpJson.Response missing = send("PUT", "{}");
        HttpJson.Response text = send("PUT", "{\"latencyMillis\": \"5\", \"errorShare\": 0}");

        assertProblem(outOfRange, 400, "Invalid request");
        assertThat(errors(outOfRange)).containsExactly(Map.entry("latencyMillis", "must be greater than or equal to 0"),
                Map.entry("errorShare", "must be between 0 and 1"));
        assertProblem(missing, 400, "Invalid request");
        assertThat(errors(missing)).containsExactly(Map.entry("latencyMillis", "must not be null"),
                Map.entry("errorShare", "must not be null"));
        assertProblem(text, 400, "Invalid request");
        assertThat(errors(text)).containsExactly(Map.entry("latencyMillis", "must be an integer"));
        assertThat(http.get("/faults").body()).isEqualTo("{\"latencyMillis\":5,\"errorShare\":0.1}");
    }

    /** {@code PUT} (with this body) or {@code DELETE /faults}. */
    private HttpJson.Response send(String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/faults"))
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpJson.Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " /faults failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " /faults interrupted", e);
        }
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

    /** The event as the Kafka consumer hands it to the inbox, without a migration header: the service decides. */
    private static InboxEvent event(OrderEvent event) {
        return new InboxEvent(event.id(), event.type(), event.schemaVersion(), event.orderId().toString(), null, null,
                Map.of(), event.payload());
    }

    private BigDecimal balance(String customer, String currency) {
        return jdbc.sql("SELECT balance FROM account WHERE customer_id = ? AND currency = ?")
                .params(customer, currency).query(BigDecimal.class).single();
    }

    private long paymentRows(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE order_id = ?").param(orderId).query(Long.class).single();
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId).query(Long.class)
                .single() > 0;
    }

    private List<String> events(UUID orderId) {
        return jdbc.sql("SELECT type FROM outbox_event WHERE aggregatetype = 'payments' AND aggregateid = ?"
                + " ORDER BY id").param(orderId.toString()).query(String.class).list();
    }

    private static void assertProblem(HttpJson.Response response, int status, String title) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo(title);
    }

    private static Map<String, String> errors(HttpJson.Response response) {
        Map<String, String> errors = new LinkedHashMap<>();
        response.json().get("errors").forEach(error -> errors.put(error.get("field").asString(),
                error.get("message").asString()));
        return errors;
    }
}
