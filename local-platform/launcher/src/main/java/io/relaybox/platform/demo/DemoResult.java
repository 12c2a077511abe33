package io.relaybox.platform.demo;

/**
 * What the demo saw.
 *
 * @param orders orders placed (201 from the API)
 * @param events distinct {@code OrderPlaced} events that arrived in Kafka for them
 * @param lost orders without an {@code OrderPlaced} event
 * @param duplicates records beyond one per order
 * @param failedRequests {@code POST /orders} that did not answer 201
 * @param seconds wall time from the first request until the last event arrived (or the wait gave up)
 */
public record DemoResult(long orders, long events, long lost, long duplicates, long failedRequests, double seconds) {

    /** The demo's last line, for humans and scripts. */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT, "SUMMARY orders=%d events=%d lost=%d duplicates=%d seconds=%.1f",
                orders, events, lost, duplicates, seconds);
    }

    /** True when every order's event arrived and every request succeeded. */
    public boolean succeeded() {
        return lost == 0 && failedRequests == 0;
    }
}
