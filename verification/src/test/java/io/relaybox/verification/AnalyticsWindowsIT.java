package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;
import io.relaybox.verification.audit.PlatformDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics application on the real platform, window by window: after orders placed and settled, what each of its
 * windows gained (orders per status per minute, money captured and refunded per currency per hour) equals what the
 * outbox rows the databases committed in the same windows of event time say ({@code occurredat}; the platform retains
 * its outbox rows in this module). The windows also held earlier tests' events: the test compares what they gained.
 */
@Order(12)
@ExtendWith(SharedPlatform.class)
class AnalyticsWindowsIT {

    private static final int ORDERS = 120;
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void eachWindowGainedWhatTheDatabasesCommittedInIt(LocalPlatform platform) throws Exception {
        String analytics = platform.endpoints().get("analytics-streams");
        PlatformDatabases databases = new ServiceDatabases(platform).platformDatabases();
        ServiceDatabases services = new ServiceDatabases(platform);
        Instant now = Instant.now();
        String span = "from=" + now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofHours(1));
        // what earlier tests caused has all been counted: the figures stand still for a few seconds
        java.util.concurrent.atomic.AtomicReference<Map<String, BigDecimal>> seen = new java.util.concurrent.atomic.AtomicReference<>(Map.of());
        Awaitility.await("the analytics figures standing still").atMost(SETTLE).pollInterval(Duration.ofSeconds(3))
                .until(() -> seen.getAndSet(windows(analytics, span)).equals(seen.get()));
        Map<String, BigDecimal> before = seen.get();
        Instant runStart = Instant.now();

        Set<String> placed = OrderLoad.place(new OrdersApi(platform.endpoints().get("orders-api")), new OrderGenerator(12), ORDERS, 4);
        Awaitility.await("every order CONFIRMED or CANCELLED").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> services.invariants().statusCounts(placed).get("PENDING") == 0);
        Awaitility.await("the saga invariants").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(services.sagaViolations()).isEmpty());

        Awaitility.await("each window gained what the outboxes committed in it").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, BigDecimal> expected = committed(databases, runStart);
                    assertThat(expected).as("committed figures").isNotEmpty();
                    assertThat(gained(before, windows(analytics, span))).isEqualTo(expected);
                });
    }

    /** Per window key ({@code PLACED@<minute>}, {@code captured EUR@<hour>}, ...), what the analytics stores hold now. */
    private static Map<String, BigDecimal> windows(String analytics, String span) throws IOException, InterruptedException {
        Map<String, BigDecimal> windows = new TreeMap<>();
        for (JsonNode minute : get(analytics + "/stats/orders-per-minute?" + span)) {
            windows.put(minute.path("status").asString() + "@" + minute.path("windowStart").asString(),
                    BigDecimal.valueOf(minute.path("orders").asLong()));
        }
        for (JsonNode hour : get(analytics + "/stats/revenue?" + span)) {
            String window = hour.path("currency").asString() + "@" + hour.path("windowStart").asString();
            windows.put("captured " + window, hour.path("captured").decimalValue());
            windows.put("refunded " + window, hour.path("refunded").decimalValue());
        }
        return windows;
    }

    private static Map<String, BigDecimal> gained(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Map<String, BigDecimal> gained = new TreeMap<>();
        after.forEach((key, value) -> {
            BigDecimal difference = value.subtract(before.getOrDefault(key, BigDecimal.ZERO));
            if (difference.signum() != 0) {
                gained.put(key, difference.stripTrailingZeros());
            }
        });
        return gained;
    }

    /** The same windows from the outbox rows committed since the run began, by their occurredat. */
    private static Map<String, BigDecimal> committed(PlatformDatabases databases, Instant since) throws SQLException {
        Map<String, BigDecimal> windows = new TreeMap<>();
        try (Connection orders = databases.connect("orders");
                PreparedStatement query = orders.prepareStatement("SELECT type, occurredat FROM outbox_event WHERE occurredat >= ?"
                        + " AND type IN ('OrderPlaced', 'OrderConfirmed', 'OrderCancelled')")) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String status = switch (rows.getString(1)) {
                        case "OrderPlaced" -> "PLACED";
                        case "OrderConfirmed" -> "CONFIRMED";
                        default -> "CANCELLED";
                    };
                    windows.merge(status + "@" + window(rows.getTimestamp(2).toInstant(), ChronoUnit.MINUTES), BigDecimal.ONE, BigDecimal::add);
                }
            }
        }
        try (Connection payment = databases.connect("payment");
                PreparedStatement query = payment.prepareStatement("SELECT type, payload->>'currency', (payload->>'amount')::numeric, occurredat"
                        + " FROM outbox_event WHERE occurredat >= ? AND type IN ('PaymentCaptured', 'PaymentRefunded')")) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String kind = "PaymentCaptured".equals(rows.getString(1)) ? "captured " : "refunded ";
                    windows.merge(kind + rows.getString(2) + "@" + window(rows.getTimestamp(4).toInstant(), ChronoUnit.HOURS),
                            rows.getBigDecimal(3), BigDecimal::add);
                }
            }
        }
        windows.replaceAll((key, value) -> value.stripTrailingZeros());
        return windows;
    }

    /** The start of the window an event time falls in, as Kafka Streams computes it (milliseconds, from the epoch). */
    private static String window(Instant occurredAt, ChronoUnit unit) {
        long size = unit.getDuration().toMillis();
        long millis = occurredAt.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, size)).toString();
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
