package io.relaybox.analytics.topology;

import java.math.BigDecimal;
import java.time.Instant;

import org.apache.kafka.streams.kstream.Window;

/**
 * The figures as the {@code analytics.*} topics and {@code GET /stats/...} give them: one JSON object per key and
 * window, the window's bounds in ISO-8601 UTC.
 */
public final class Figures {

    private Figures() {
    }

    /** Orders that reached a status in one minute. */
    public record OrdersPerMinute(String status, String windowStart, String windowEnd, long orders) {
    }

    /** Money taken in one currency in one hour. */
    public record RevenuePerHour(String currency, String windowStart, String windowEnd, BigDecimal captured, BigDecimal refunded,
            BigDecimal net, long payments) {

        public static RevenuePerHour of(String currency, Window window, Revenue revenue) {
            return new RevenuePerHour(currency, start(window), end(window), revenue.captured(), revenue.refunded(), revenue.net(),
                    revenue.payments());
        }
    }

    /** Units of one SKU sold in confirmed orders in one hour. */
    public record SkuSalesPerHour(String sku, String windowStart, String windowEnd, long units, long lines) {
    }

    /** Orders that ended one way (CONFIRMED, or CANCELLED with a kind of reason) in one hour. */
    public record OutcomesPerHour(String outcome, String windowStart, String windowEnd, long orders) {
    }

    /** The topic key of a figure: {@code <key>@<window start>}, so that each window's figure replaces its earlier ones. */
    public static String key(String key, Window window) {
        return key + "@" + start(window);
    }

    public static String start(Window window) {
        return Instant.ofEpochMilli(window.start()).toString();
    }

    public static String end(Window window) {
        return Instant.ofEpochMilli(window.end()).toString();
    }

    /** A figure as the JSON text of the topics. */
    public static String json(Object figure) {
        return JsonSerde.JSON.writeValueAsString(figure);
    }
}
