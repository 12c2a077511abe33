package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.PlatformDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated hostile requests against every service's write API on the running platform: text PostgreSQL cannot store
 * (NUL, unpaired surrogates, control characters), very long strings, numbers out of range, in exponent form or as
 * strings, deep nesting, duplicate keys, top-level arrays and scalars, empty and truncated bodies, bodies over the size
 * limit, wrong content types, wrong methods and unknown paths. No answer is a 5xx, every refusal is problem+json, and a
 * refused request writes nothing: the orders table grows by exactly the accepted orders, and no reservation or payment
 * row exists for an order whose request was refused.
 */
@Order(15)
@ExtendWith(SharedPlatform.class)
class HostileRequestsIT {

    private static final int ORDER_REQUESTS = 300;
    /** Just over the services' request body limit (relaybox.http.max-request-body-size, 1MB). */
    private static final int OVER_LIMIT = (1 << 20) + 1024;
    private static final int SERVICE_REQUESTS = 300;
    /** One more line than the services take (1,000). */
    private static final int TOO_MANY_LINES = 1001;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> HOSTILE_TEXT = List.of("\u0000", "SKU-\u0000", "a\ud800", "\udfffz", "bell\u0007", "x\u0085",
            "", " ", "a".repeat(101), "a".repeat(100_000), "😀".repeat(60));
    private static final List<String> HOSTILE_NUMBERS = List.of("1e400", "-1", "0", "1E+2147483648", "99999999999999999999",
            "\"5\"", "1.5", "true", "[]", "{}", "null", "\"\"", "1" + "0".repeat(2000), "-0.000000000000001", "2147483648");
    /** Never a valid quantity: also not a number written as a string or with a fraction (no coercion). */
    private static final List<String> INVALID_QUANTITIES = List.of("1e400", "-1", "0", "1E+2147483648", "99999999999999999999", "true",
            "[]", "{}", "null", "1" + "0".repeat(2000), "2147483648", "\"5\"", "1.5", "2.0");
    /** Never a valid amount: negative, too large, more than two decimals, not a number. */
    private static final List<String> INVALID_AMOUNTS = List.of("1e400", "-1", "1E+2147483648", "99999999999999999999", "true", "[]",
            "{}", "null", "1" + "0".repeat(2000), "-0.000000000000001", "0.001");
    private static final List<String> HOSTILE_BODIES = List.of("", " ", "[]", "null", "1", "\"x\"", "{", "{\"lines\":",
            "[".repeat(5000) + "]".repeat(5000), "{\"lines\":null}", "{\"lines\":[null]}", "{\"lines\":{}}", "{\"lines\":\"x\"}",
            "\u0000", "{\"customerId\":{},\"currency\":[],\"amount\":{}}", "{\"lines\":[],\"lines\":[]}",
            "{\"customerId\":\"customer-001\",\"customerId\":\"customer-002\",\"currency\":\"EUR\",\"amount\":1}");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(15);

    @Test
    void placingOrdersNeverAnswers5xxAndARefusedOrderWritesNothing(LocalPlatform platform) throws Exception {
        String api = platform.endpoints().get("orders-api");
        OrderGenerator generator = new OrderGenerator(15);
        PlatformDatabases databases = new ServiceDatabases(platform).platformDatabases();
        long ordersBefore = count(databases, ServiceDatabases.ORDERS, "SELECT count(*) FROM orders");

        Tally tally = new Tally();
        for (int i = 0; i < ORDER_REQUESTS; i++) {
            Sent sent = hostileOrder(generator.nextOrderJson());
            tally.add(sent, send("POST", api + "/orders", sent));
        }
        for (String[] request : List.of(new String[] { "GET", "/orders/not-a-uuid" }, new String[] { "GET", "/nothing" }, new String[] { "GET", "/orders/%00" },
                new String[] { "PUT", "/orders" }, new String[] { "DELETE", "/orders" }, new String[] { "GET", "/orders/" + UUID.randomUUID() },
                new String[] { "POST", "/orders/" + UUID.randomUUID() + "/cancel" }, new String[] { "GET", "/orders/" + "a".repeat(5000) })) {
            tally.add(new Sent("", "application/json"), send(request[0], api + request[1], new Sent("", "application/json")));
        }

        tally.assertNo5xxAndProblemsForEveryRefusal();
        assertThat(tally.created).as("some generated orders are valid").isPositive();
        assertThat(tally.refused).as("most generated orders are hostile").isGreaterThan(ORDER_REQUESTS / 2);
        assertThat(count(databases, ServiceDatabases.ORDERS, "SELECT count(*) FROM orders") - ordersBefore)
                .as("orders written: exactly the accepted ones").isEqualTo(tally.created);
    }

    @Test
    void reservingStockAndCapturingPaymentsRefuseEveryHostileRequestAndWriteNothing(LocalPlatform platform) throws Exception {
        PlatformDatabases databases = new ServiceDatabases(platform).platformDatabases();
        String inventory = platform.service("inventory-service-1").baseUrl();
        String payment = platform.service("payment-service-1").baseUrl();

        List<UUID> refusedReservations = refuseAll(inventory + "/reservations/%s", this::hostileReservation);
        List<UUID> refusedCaptures = refuseAll(payment + "/payments/%s/capture", this::hostileCapture);

        assertThat(countOf(databases, ServiceDatabases.INVENTORY, "SELECT count(*) FROM reservation WHERE order_id = ANY(?)",
                refusedReservations)).as("reservations of refused requests").isZero();
        assertThat(countOf(databases, ServiceDatabases.PAYMENT, "SELECT count(*) FROM payment WHERE order_id = ANY(?)", refusedCaptures))
                .as("payments of refused requests").isZero();
    }

    /**
     * The read APIs of the other services: the analytics figures with hostile query parameters (not instants, far past
     * and future, reversed, too long a span, limits out of range) and the notification service's e-mails of hostile
     * order ids. Never a 5xx; every refusal a problem naming the parameter.
     */
    @Test
    void queryingFiguresAndEmailsNeverAnswers5xx(LocalPlatform platform) throws Exception {
        String analytics = platform.endpoints().get("analytics-streams");
        String notification = platform.endpoints().get("notification-service");
        List<String> instants = List.of("", "x", "%00", "2026-13-01T00:00:00Z", "%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "1" + "0".repeat(5000), "2026-01-01T00:00:00%2B99:00");
        List<String> limits = List.of("0", "-1", "1001", "1e3", "99999999999999999999", "x", "%00", "10");
        Tally tally = new Tally();
        for (int i = 0; i < SERVICE_REQUESTS; i++) {
            String path = pick(List.of("/stats/orders-per-minute", "/stats/revenue", "/stats/top-skus", "/stats/outcomes"));
            String query = "?from=" + pick(instants) + "&to=" + pick(instants) + "&limit=" + pick(limits) + "&currency=" + pick(List.of("EUR", "%00", "x"));
            tally.add(new Sent("GET " + path + query, ""), send("GET", analytics + path + query, new Sent("", "")));
        }
        for (String orderId : List.of("not-a-uuid", "%00", "a".repeat(5000), UUID.randomUUID().toString(), "..%2F..%2Fetc")) {
            String path = "/orders/" + orderId + "/emails";
            tally.add(new Sent("GET " + path, ""), send("GET", notification + path, new Sent("", "")));
        }

        tally.assertNo5xxAndProblemsForEveryRefusal();
        assertThat(tally.refused).as("refused of the generated queries").isPositive();
        assertThat(tally.created).as("answered queries (2xx)").isPositive();
    }

    /** Sends hostile requests, each for a new order id; every one must be refused with a 4xx problem. */
    private List<UUID> refuseAll(String pathTemplate, Supplier<Sent> requests) throws Exception {
        Tally tally = new Tally();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < SERVICE_REQUESTS; i++) {
            UUID order = UUID.randomUUID();
            orders.add(order);
            Sent sent = requests.get();
            tally.add(sent, send("POST", String.format(pathTemplate, order), sent));
        }
        tally.assertNo5xxAndProblemsForEveryRefusal();
        assertThat(tally.refused).as("refused of %d hostile requests to %s", SERVICE_REQUESTS, pathTemplate).isEqualTo(SERVICE_REQUESTS);
        return orders;
    }

    private Sent hostileOrder(String valid) {
        ObjectNode order = (ObjectNode) JSON.readTree(valid);
        ObjectNode line = (ObjectNode) order.get("lines").get(0);
        switch (random.nextInt(9)) {
            case 0 -> order.put(pick(List.of("customerId", "currency")), pick(HOSTILE_TEXT));
            case 1 -> line.put("sku", pick(HOSTILE_TEXT));
            case 2 -> {
                line.put(pick(List.of("quantity", "unitPrice")), "__hostile__");
                return json(order.toString().replace("\"__hostile__\"", pick(HOSTILE_NUMBERS)));
            }
            case 3 -> {
                return json(pick(HOSTILE_BODIES));
            }
            case 4 -> {
                return new Sent(order.toString(), pick(WRONG_CONTENT_TYPES));
            }
            case 5 -> order.put("padding", "x".repeat(OVER_LIMIT));
            case 6 -> {
                ArrayNode lines = order.putArray("lines");
                for (int i = 0; i < TOO_MANY_LINES; i++) {
                    lines.add(line.deepCopy());
                }
            }
            case 7 -> {
                String text = order.toString();
                return json(text.substring(0, random.nextInt(text.length())));
            }
            default -> {
                // valid as generated: accepted
            }
        }
        return json(order.toString());
    }

    private Sent hostileReservation() {
        ObjectNode request = JSON.createObjectNode();
        ObjectNode line = request.putArray("lines").addObject().put("sku", "SKU-APPLE").put("quantity", 1);
        return switch (random.nextInt(6)) {
            case 0 -> json(request.toString().replace("\"SKU-APPLE\"", JSON.writeValueAsString(pick(HOSTILE_TEXT.subList(0, 9)))));
            case 1 -> json(request.toString().replace("\"quantity\":1", "\"quantity\":" + pick(INVALID_QUANTITIES)));
            case 2 -> json(pick(HOSTILE_BODIES));
            case 3 -> new Sent(request.toString(), pick(WRONG_CONTENT_TYPES));
            case 4 -> {
                ArrayNode lines = request.putArray("lines");
                for (int i = 0; i < TOO_MANY_LINES; i++) {
                    lines.add(line.deepCopy());
                }
                yield json(request.toString());
            }
            default -> json(request.put("padding", "x".repeat(OVER_LIMIT)).toString());
        };
    }

    private Sent hostileCapture() {
        ObjectNode request = JSON.createObjectNode().put("customerId", "customer-001").put("currency", "EUR").put("amount", 1);
        return switch (random.nextInt(6)) {
            case 0 -> json(request.put("customerId", pick(HOSTILE_TEXT.subList(0, 9))).toString());
            case 1 -> json(request.toString().replace("\"amount\":1", "\"amount\":" + pick(INVALID_AMOUNTS)));
            case 2 -> json(pick(HOSTILE_BODIES));
            case 3 -> new Sent(request.toString(), pick(WRONG_CONTENT_TYPES));
            case 4 -> json(request.put("currency", pick(List.of("eur", "EU", "EURO", "ZZZ", "\u0000EU", "XAU", "XXX"))).toString());
            default -> json(request.put("padding", "x".repeat(OVER_LIMIT)).toString());
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Sent json(String body) {
        return new Sent(body, "application/json");
    }

    private HttpResponse<String> send(String method, String url, Sent sent) throws Exception {
        byte[] body = encode(sent.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!sent.contentType().isEmpty()) {
            request.header("Content-Type", sent.contentType());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** UTF-8, but an unpaired surrogate is sent as the JSON escape a hostile client would write, not as {@code ?}. */
    private static byte[] encode(String body) {
        StringBuilder escaped = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(body.charAt(i - 1));
            escaped.append(Character.isSurrogate(c) && !paired ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return escaped.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long count(PlatformDatabases databases, String database, String sql) throws Exception {
        try (Connection connection = databases.connect(database); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long countOf(PlatformDatabases databases, String database, String sql, List<UUID> ids) throws Exception {
        try (Connection connection = databases.connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            query.setArray(1, array);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A request body and its content type (empty: none). */
    private record Sent(String body, String contentType) {
    }

    /** What the answers were; the first of each kind of wrong answer, to report. */
    private static final class Tally {

        private final List<String> wrong = new ArrayList<>();
        private long created;
        private long refused;

        void add(Sent sent, HttpResponse<String> response) {
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 200 && status < 300) {
                created++;
                return;
            }
            refused++;
            boolean problem = status >= 400 && status < 500 && type.startsWith("application/problem+json");
            if (problem && (status == 400 || status == 413)) {
                JsonNode errors = JSON.readTree(response.body()).path("errors");
                problem = errors.isArray() && !errors.isEmpty() && !errors.get(0).path("field").asString().isEmpty();
            }
            if (!problem && wrong.size() < 20) {
                String body = sent.body();
                wrong.add(status + " " + type + " for " + sent.contentType() + " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body)
                        + " → " + response.body().substring(0, Math.min(200, response.body().length())));
            }
        }

        void assertNo5xxAndProblemsForEveryRefusal() {
            assertThat(wrong).as("answers that are not a 2xx or a 4xx problem naming the field").isEmpty();
        }
    }
}
