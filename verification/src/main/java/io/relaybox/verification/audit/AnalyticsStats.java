package io.relaybox.verification.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The totals the analytics application answers through its interactive queries ({@code GET /stats/...}), summed over
 * every window of the last six days up to the current hour.
 */
public final class AnalyticsStats {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SPAN = Duration.ofDays(6);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param baseUrl the analytics application, e.g. {@code http://127.0.0.1:18096} */
    public AnalyticsStats(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The totals now; fails while the application cannot answer (starting, restoring: 503). */
    public AnalyticsTotals totals() throws InterruptedException {
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        String span = "from=" + to.minus(SPAN) + "&to=" + to;
        Map<String, Long> orders = new TreeMap<>();
        get("/stats/orders-per-minute?" + span).forEach(minute -> orders.merge(minute.path("status").asString(), minute.path("orders").asLong(),
                Long::sum));
        Map<String, BigDecimal> captured = new TreeMap<>();
        Map<String, BigDecimal> refunded = new TreeMap<>();
        get("/stats/revenue?" + span).forEach(hour -> {
            captured.merge(hour.path("currency").asString(), hour.path("captured").decimalValue(), BigDecimal::add);
            refunded.merge(hour.path("currency").asString(), hour.path("refunded").decimalValue(), BigDecimal::add);
        });
        Map<String, Long> units = new TreeMap<>();
        get("/stats/top-skus?limit=1000&" + span).forEach(sku -> units.put(sku.path("sku").asString(), sku.path("units").asLong()));
        return new AnalyticsTotals(orders, captured, refunded, units);
    }

    private JsonNode get(String path) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the analytics application answered " + response.statusCode() + " to GET " + path + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the analytics application at " + baseUrl, e);
        }
    }
}
