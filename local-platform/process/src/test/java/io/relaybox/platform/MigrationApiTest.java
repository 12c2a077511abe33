package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The migration API client against a stub of the monolith's {@code /migration} endpoints. */
class MigrationApiTest {

    private static final String INVENTORY_EVENTS = "{\"capability\":\"inventory\",\"mode\":\"events\",\"shadowShare\":1.0,"
            + "\"changedAt\":\"2026-12-06T14:00:00.123456Z\",\"changedBy\":\"alice\",\"reason\":\"cut over\"}";

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer monolith;
    private MigrationApi api;

    private record Answer(int status, String contentType, String body) {
    }

    private record Request(String method, String path, String contentType, String accept, String body) {
    }

    @BeforeEach
    void startMonolith() throws IOException {
        monolith = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        monolith.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"), body));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404, "text/plain", "no stub"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        monolith.start();
        api = new MigrationApi(URI.create("http://127.0.0.1:" + monolith.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stopMonolith() {
        monolith.stop(0);
    }

    @Test
    void readsEachCapabilitysMode() {
        answers.put("GET /migration/modes", json(200, "[" + INVENTORY_EVENTS + ",{\"capability\":\"payment\",\"mode\":\"shadow\","
                + "\"shadowShare\":0.25,\"changedAt\":\"2026-12-06T15:00:00Z\",\"changedBy\":\"bob\",\"reason\":null,\"since\":\"new member\"}]"));

        List<MigrationApi.CapabilityMode> modes = api.modes();

        assertThat(modes).containsExactly(
                new MigrationApi.CapabilityMode("inventory", "events", 1.0, Instant.parse("2026-12-06T14:00:00.123456Z"), "alice", "cut over"),
                new MigrationApi.CapabilityMode("payment", "shadow", 0.25, Instant.parse("2026-12-06T15:00:00Z"), "bob", null));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.accept()).contains("application/json").contains("application/problem+json");
        });
    }

    @Test
    void switchesAModeWithEveryFieldGiven() {
        answers.put("PUT /migration/modes/inventory", json(200, "{\"capability\":\"inventory\",\"mode\":\"shadow\",\"shadowShare\":0.25,"
                + "\"changedAt\":\"2026-12-06T14:00:00.5Z\",\"changedBy\":\"alice\",\"reason\":\"start the parallel run\"}"));

        MigrationApi.CapabilityMode mode = api.switchMode("inventory", "shadow", "alice", "start the parallel run", 0.25, false);

        assertThat(mode).isEqualTo(new MigrationApi.CapabilityMode("inventory", "shadow", 0.25, Instant.parse("2026-12-06T14:00:00.5Z"),
                "alice", "start the parallel run"));
        Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.contentType()).startsWith("application/json");
        JsonNode body = JsonMapper.shared().readTree(request.body());
        assertThat(body.path("mode").asString()).isEqualTo("shadow");
        assertThat(body.path("changedBy").asString()).isEqualTo("alice");
        assertThat(body.path("reason").asString()).isEqualTo("start the parallel run");
        assertThat(body.path("shadowShare").asDouble()).isEqualTo(0.25);
        assertThat(body.path("force").isBoolean()).isTrue();
        assertThat(body.path("force").asBoolean()).isFalse();
    }

    @Test
    void leavesOutWhatIsNotGivenSoTheMonolithAppliesItsDefaults() {
        answers.put("PUT /migration/modes/payment", json(200, "{\"capability\":\"payment\",\"mode\":\"events\",\"shadowShare\":1.0,"
                + "\"changedAt\":\"2026-12-06T14:00:00Z\",\"changedBy\":\"alice\"}"));

        api.switchMode("payment", "events", "alice", null, null, true);

        JsonNode body = JsonMapper.shared().readTree(requests.get(0).body());
        assertThat(body.has("reason")).isFalse();
        assertThat(body.has("shadowShare")).isFalse();
        assertThat(body.path("force").asBoolean()).isTrue();
    }

    @Test
    void aRefusedCutOverBecomesAProblemWithTheMonolithsReason() {
        answers.put("PUT /migration/modes/inventory", new Answer(409, "application/problem+json", "{\"type\":\"about:blank\","
                + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"the shadow diff is not empty: 2 mismatched, 3 pending\","
                + "\"instance\":\"/migration/modes/inventory\"}"));

        assertThatThrownBy(() -> api.switchMode("inventory", "events", "alice", "cut over", null, false))
                .isInstanceOfSatisfying(MigrationProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.refused()).isTrue();
                    assertThat(problem.title()).isEqualTo("Conflict");
                    assertThat(problem.detail()).isEqualTo("the shadow diff is not empty: 2 mismatched, 3 pending");
                    assertThat(problem.errors()).isEmpty();
                    assertThat(problem.request()).isEqualTo("PUT /migration/modes/inventory");
                })
                .hasMessage("PUT /migration/modes/inventory answered 409 Conflict: the shadow diff is not empty: 2 mismatched, 3 pending");
    }

    @Test
    void anInvalidRequestNamesEachField() {
        answers.put("PUT /migration/modes/inventory", new Answer(400, "application/problem+json", "{\"type\":\"about:blank\","
                + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"2 fields are invalid\",\"errors\":["
                + "{\"field\":\"shadowShare\",\"message\":\"must be between 0 and 1\"},{\"field\":\"reason\",\"message\":\"must not be blank\"}]}"));

        assertThatThrownBy(() -> api.switchMode("inventory", "shadow", "alice", " ", 2.0, false))
                .isInstanceOfSatisfying(MigrationProblem.class, problem -> {
                    assertThat(problem.refused()).isFalse();
                    assertThat(problem.errors()).containsExactly(new MigrationProblem.FieldError("shadowShare", "must be between 0 and 1"),
                            new MigrationProblem.FieldError("reason", "must not be blank"));
                })
                .hasMessage(String.join(System.lineSeparator(), "PUT /migration/modes/inventory answered 400 Invalid request: 2 fields are invalid",
                        "  shadowShare: must be between 0 and 1", "  reason: must not be blank"));
    }

    @Test
    void anAnswerThatIsNoProblemDocumentIsToldByItsStart() {
        // e.g. a monolith built before the migration API: Spring's 404, or a page of something else on the port
        answers.put("GET /migration/modes", new Answer(404, "text/html", "<html><body>Whitelabel Error Page</body></html>\nmore"));

        assertThatThrownBy(api::modes).isInstanceOfSatisfying(MigrationProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(404);
            assertThat(problem.title()).isNull();
        }).hasMessage("GET /migration/modes answered 404: <html><body>Whitelabel Error Page</body></html>");
    }

    @Test
    void readsTheHistoryNewestFirst() {
        answers.put("GET /migration/modes/payment/history", json(200, "[{\"capability\":\"payment\",\"fromMode\":\"shadow\",\"toMode\":\"events\","
                + "\"shadowShare\":1.0,\"changedAt\":\"2026-12-06T16:00:00Z\",\"changedBy\":\"bob\",\"reason\":\"diff empty\"},"
                + "{\"capability\":\"payment\",\"fromMode\":null,\"toMode\":\"shadow\",\"shadowShare\":0.5,"
                + "\"changedAt\":\"2026-12-06T15:00:00Z\",\"changedBy\":\"alice\",\"reason\":\"parallel run\"}]"));

        assertThat(api.history("payment")).containsExactly(
                new MigrationApi.ModeChange("payment", "shadow", "events", 1.0, Instant.parse("2026-12-06T16:00:00Z"), "bob", "diff empty"),
                new MigrationApi.ModeChange("payment", null, "shadow", 0.5, Instant.parse("2026-12-06T15:00:00Z"), "alice", "parallel run"));
    }

    @Test
    void anUnknownCapabilityIsAProblemOfItsOwn() {
        answers.put("GET /migration/modes/shipping/history", new Answer(404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no capability shipping\"}"));

        assertThatThrownBy(() -> api.history("shipping")).isInstanceOf(MigrationProblem.class)
                .hasMessage("GET /migration/modes/shipping/history answered 404 Not Found: no capability shipping");
    }

    @Test
    void readsTheShadowDiffWithBothSidesOfEachMismatch() {
        answers.put("GET /migration/diff", json(200, "{\"capabilities\":[{\"capability\":\"inventory\",\"mode\":\"shadow\",\"matched\":120,"
                + "\"mismatched\":2,\"pending\":3,\"byCategory\":{\"outcome\":1,\"short-skus\":1},\"latestMismatches\":[{\"orderId\":"
                + "\"7c1d6f62-4f0e-4d6a-9a43-0d1c2b3a4f5e\",\"category\":\"outcome\",\"recordedAt\":\"2026-12-06T14:00:01.25Z\","
                + "\"legacy\":{\"outcome\":\"RESERVED\",\"detail\":{\"lines\":[{\"sku\":\"A-1\",\"quantity\":2}]},\"millis\":3.2},"
                + "\"service\":{\"outcome\":\"REJECTED\",\"detail\":{\"shortSkus\":[\"A-1\"]},\"millis\":812.0,\"error\":null}}]},"
                + "{\"capability\":\"payment\",\"mode\":\"monolith\",\"matched\":0,\"mismatched\":0,\"pending\":0,\"byCategory\":null,"
                + "\"latestMismatches\":[]}]}"));

        MigrationDiff diff = api.diff();

        assertThat(diff.capabilities()).hasSize(2);
        MigrationDiff.CapabilityDiff inventory = diff.capabilities().get(0);
        assertThat(inventory.capability()).isEqualTo("inventory");
        assertThat(inventory.mode()).isEqualTo("shadow");
        assertThat(List.of(inventory.matched(), inventory.mismatched(), inventory.pending())).containsExactly(120L, 2L, 3L);
        assertThat(inventory.byCategory()).containsExactly(Map.entry("outcome", 1L), Map.entry("short-skus", 1L));
        MigrationDiff.Mismatch mismatch = inventory.latestMismatches().get(0);
        assertThat(mismatch.orderId()).isEqualTo("7c1d6f62-4f0e-4d6a-9a43-0d1c2b3a4f5e");
        assertThat(mismatch.recordedAt()).isEqualTo(Instant.parse("2026-12-06T14:00:01.25Z"));
        assertThat(mismatch.legacy().outcome()).isEqualTo("RESERVED");
        assertThat(mismatch.legacy().detail().path("lines").path(0).path("sku").asString()).isEqualTo("A-1");
        assertThat(mismatch.legacy().millis()).isEqualTo(3.2);
        assertThat(mismatch.legacy().error()).isNull();
        assertThat(mismatch.service().outcome()).isEqualTo("REJECTED");
        assertThat(mismatch.service().millis()).isEqualTo(812.0);
        MigrationDiff.CapabilityDiff payment = diff.capabilities().get(1);
        assertThat(payment.byCategory()).isEmpty();
        assertThat(payment.latestMismatches()).isEmpty();
    }

    @Test
    void anAnswerItCannotReadSaysWhatCame() {
        answers.put("GET /migration/diff", json(200, "[\"not\", \"a diff\"]"));

        assertThatThrownBy(api::diff).isInstanceOf(PlatformException.class).isNotInstanceOf(MigrationProblem.class)
                .hasMessageContaining("GET /migration/diff").hasMessageContaining("[\"not\", \"a diff\"]");
    }

    @Test
    void aMonolithThatDoesNotAnswerIsAPlatformError() {
        MigrationApi nobody = new MigrationApi(URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(nobody::modes).isInstanceOf(PlatformException.class).isNotInstanceOf(MigrationProblem.class)
                .hasMessageContaining("does not answer GET /migration/modes");
    }

    @Test
    void waitsLongerForASwitchThanForAReading() {
        // a switch may wait for the orders in flight to drain
        assertThat(MigrationApi.SWITCH_TIMEOUT).hasSeconds(120);
        assertThat(MigrationApi.READ_TIMEOUT).hasSeconds(10);
        assertThat(MigrationApi.CONNECT_TIMEOUT).hasSeconds(5);
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body);
    }
}
