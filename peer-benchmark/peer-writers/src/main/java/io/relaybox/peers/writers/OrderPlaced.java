package io.relaybox.peers.writers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The event every peer writes: the shape of the monolith's {@code OrderPlaced} (customer, currency, lines, total,
 * status), plus what the driver measures with: a unique event id and the time the writer's transaction stamped it.
 *
 * @param eventId unique per event: {@code <run>-<seq>}, the same in a process restarted after a kill
 * @param occurredAtMicros when the writer's transaction wrote the event, in microseconds since the epoch
 */
public record OrderPlaced(String eventId, String orderId, String customerId, String currency, List<OrderLine> lines, BigDecimal total,
        String status, long occurredAtMicros) {

    private static final List<OrderLine> LINES = List.of(
            new OrderLine("SKU-APPLE", 2, new BigDecimal("12.50"), new BigDecimal("25.00")),
            new OrderLine("SKU-BREAD", 1, new BigDecimal("3.20"), new BigDecimal("3.20")));

    /** The event of order {@code seq} of a run, stamped now. */
    public static OrderPlaced of(String run, int seq) {
        Instant now = Instant.now();
        return new OrderPlaced(run + "-" + seq, "order-" + run + "-" + seq, String.format("customer-%03d", seq % 1000), "EUR", LINES,
                new BigDecimal("28.20"), "PENDING", now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
    }

    /** The event as JSON, with the field names a JSON mapper would give the record's components. */
    public String toJson() {
        StringBuilder json = new StringBuilder(320).append("{\"eventId\":\"").append(eventId).append("\",\"orderId\":\"").append(orderId)
                .append("\",\"customerId\":\"").append(customerId).append("\",\"currency\":\"").append(currency).append("\",\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(line.sku()).append("\",\"quantity\":").append(line.quantity())
                    .append(",\"unitPrice\":").append(line.unitPrice().toPlainString()).append(",\"lineTotal\":")
                    .append(line.lineTotal().toPlainString()).append('}');
        }
        return json.append("],\"total\":").append(total.toPlainString()).append(",\"status\":\"").append(status)
                .append("\",\"occurredAtMicros\":").append(occurredAtMicros).append('}').toString();
    }
}
