package io.relaybox.verification.audit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The totals the analytics application answers through its interactive queries ({@code GET /stats/...}), summed over
 * every window of the last six days up to the current hour.
 */
public final class AnalyticsStats {

    private static final Duration SPAN = Duration.ofDays(6);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String baseUrl;

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

    /**
     * The totals once the application answers (it may still be starting or restoring its stores).
     *
     * @throws IllegalStateException when it has not answered within the timeout
     */
    public AnalyticsTotals totalsOnceAnswering(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return totals();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the analytics application does not answer: " + e.getMessage(), e);
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
    }

    private JsonNode get(String path) throws InterruptedException {
        return JsonGet.get(baseUrl + path, Duration.ofSeconds(30));
    }
}
