package io.relaybox.analytics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Made-up trading, as the outbox router would have written it to {@code orders.events} and {@code payments.events},
 * and the figures it must yield: order {@code i} is placed at {@code start + 100 i ms} (about as fast as the records
 * are sent: event time runs with the clock, as it does on the platform, so no event comes later than the grace); two in
 * three are paid and confirmed, one in six is paid, refunded and cancelled for want of stock, one in six cancelled for
 * want of money (its {@code PaymentFailed} is not revenue).
 */
final class OrderHistory {

    private static final BigDecimal UNIT_PRICE = new BigDecimal("2.50");

    final Map<String, Long> ordersByStatus = new TreeMap<>();
    final Map<String, BigDecimal> capturedByCurrency = new TreeMap<>();
    final Map<String, BigDecimal> refundedByCurrency = new TreeMap<>();
    final Map<String, Long> unitsBySku = new TreeMap<>();
    final Map<String, Long> cancelledBecause = new TreeMap<>();

    private final Instant start;

    OrderHistory(Instant start) {
        this.start = start;
    }

    /** The records of orders {@code from} (inclusive) to {@code to} (exclusive), in the order they occurred. */
    List<ProducerRecord<String, String>> orders(int from, int to) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String orderId = UUID.randomUUID().toString();
            String currency = i % 2 == 0 ? "EUR" : "USD";
            String sku = "SKU-" + (i % 5);
            int quantity = i % 4 + 1;
            BigDecimal total = UNIT_PRICE.multiply(BigDecimal.valueOf(quantity));
            Instant placed = start.plusMillis(100L * i);
            records.add(order(orderId, "OrderPlaced", placed, currency, sku, quantity, total, null));
            count(ordersByStatus, "PLACED", 1);
            if (i % 3 != 0) {
                records.add(payment(orderId, "PaymentCaptured", placed.plusMillis(20), currency, total));
                records.add(order(orderId, "OrderConfirmed", placed.plusMillis(40), currency, sku, quantity, total, null));
                capturedByCurrency.merge(currency, total, BigDecimal::add);
                count(ordersByStatus, "CONFIRMED", 1);
                count(unitsBySku, sku, quantity);
            } else if (i % 6 == 0) {
                records.add(payment(orderId, "PaymentCaptured", placed.plusMillis(20), currency, total));
                records.add(payment(orderId, "PaymentRefunded", placed.plusMillis(60), currency, total));
                records.add(order(orderId, "OrderCancelled", placed.plusMillis(60), currency, sku, quantity, total,
                        "inventory rejected: " + sku + " short by " + quantity));
                capturedByCurrency.merge(currency, total, BigDecimal::add);
                refundedByCurrency.merge(currency, total, BigDecimal::add);
                count(ordersByStatus, "CANCELLED", 1);
                count(cancelledBecause, "inventory rejected", 1);
            } else {
                records.add(payment(orderId, "PaymentFailed", placed.plusMillis(20), currency, total));
                records.add(order(orderId, "OrderCancelled", placed.plusMillis(40), currency, sku, quantity, total,
                        "payment failed: INSUFFICIENT_FUNDS"));
                count(ordersByStatus, "CANCELLED", 1);
                count(cancelledBecause, "payment failed: INSUFFICIENT_FUNDS", 1);
            }
        }
        return records;
    }

    private static void count(Map<String, Long> counts, String key, long by) {
        counts.merge(key, by, Long::sum);
    }

    private static ProducerRecord<String, String> order(String orderId, String type, Instant at, String currency, String sku, int quantity,
            BigDecimal total, String reason) {
        String outcome = switch (type) {
            case "OrderConfirmed" -> "\"status\":\"CONFIRMED\",\"inventoryStatus\":\"RESERVED\",\"paymentStatus\":\"CAPTURED\",\"confirmedAt\":\"" + at + "\"";
            case "OrderCancelled" -> "\"status\":\"CANCELLED\",\"cancelledAt\":\"" + at + "\",\"cancellationReason\":\"" + reason + "\"";
            default -> "\"status\":\"PENDING\"";
        };
        String payload = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-007\",\"currency\":\"" + currency + "\","
                + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitPrice\":2.50,\"lineTotal\":" + total + "}],"
                + "\"total\":" + total + ",\"placedAt\":\"" + at + "\"," + outcome + "}";
        return record("orders.events", orderId, type, at, payload);
    }

    private static ProducerRecord<String, String> payment(String orderId, String type, Instant at, String currency, BigDecimal amount) {
        return record("payments.events", orderId, type, at, "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-007\",\"currency\":\""
                + currency + "\",\"amount\":" + amount + "}");
    }

    private static ProducerRecord<String, String> record(String topic, String key, String type, Instant at, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("schemaversion", "1".getBytes(StandardCharsets.UTF_8));
        headers.add("occurredat", at.toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }
}
