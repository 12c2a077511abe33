package io.relaybox.platform.demo;

import java.util.List;

/**
 * What the demo saw.
 *
 * @param orders orders placed (201 from the API)
 * @param events distinct {@code OrderPlaced} events that arrived in Kafka for them
 * @param lost orders without an {@code OrderPlaced} event
 * @param duplicates records beyond one per order
 * @param failedRequests {@code POST /orders} that did not answer 201
 * @param confirmed of the orders placed, how many ended CONFIRMED
 * @param cancelled of the orders placed, how many ended CANCELLED
 * @param duplicatesSkipped redelivered events the consumers recognised and skipped (all instances, since they started)
 * @param deadLettered events the consumers sent to a dead-letter topic (all instances, since they started)
 * @param violations broken invariants, one line each
 * @param seconds wall time from the first request until the saga settled (or the wait gave up)
 */
public record DemoResult(long orders, long events, long lost, long duplicates, long failedRequests, long confirmed, long cancelled,
        long duplicatesSkipped, long deadLettered, List<String> violations, double seconds) {

    public DemoResult {
        violations = List.copyOf(violations);
    }

    /** The demo's last line, for humans and scripts. */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT,
                "SUMMARY orders=%d events=%d lost=%d duplicates=%d confirmed=%d cancelled=%d duplicates_skipped=%d dlq=%d seconds=%.1f",
                orders, events, lost, duplicates, confirmed, cancelled, duplicatesSkipped, deadLettered, seconds);
    }

    /** True when every order's event arrived, every request succeeded and every invariant holds. */
    public boolean succeeded() {
        return lost == 0 && failedRequests == 0 && violations.isEmpty();
    }
}
