package io.relaybox.verification.audit;

import java.util.List;
import java.util.Optional;

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
 * @param sinks what Elasticsearch and the archive hold of the events about the orders, when the platform runs the sinks
 * @param emails what the SMTP server holds of the customers' e-mails about the orders, when the platform runs one
 * @param analytics how the analytics application's figures compare with the databases', when the platform runs it
 * @param violations broken invariants, one line each
 * @param mode the migration mode both capabilities ran in (monolith, sync, shadow, events)
 * @param diffs in shadow mode, the orders the parallel run found decided differently (or not compared in time)
 * @param seconds wall time from the first request until the saga settled and the sinks caught up (or a wait gave up)
 */
public record DemoResult(long orders, long events, long lost, long duplicates, long failedRequests, long confirmed, long cancelled,
        long duplicatesSkipped, long deadLettered, Optional<SinkCounts> sinks, Optional<EmailCounts> emails, Optional<AnalyticsCheck> analytics, List<String> violations,
        String mode, long diffs, double seconds) {

    public DemoResult {
        violations = List.copyOf(violations);
    }

    /** The demo's last line, for humans and scripts. */
    public String summaryLine() {
        String sinkCounts = sinks.map(s -> String.format(java.util.Locale.ROOT, " published=%d es_events=%d archived=%d",
                s.published(), s.searchable(), s.archived())).orElse("");
        String emailCounts = emails.map(e -> String.format(java.util.Locale.ROOT, " emails=%d email_duplicates=%d", e.emailed(),
                e.duplicates())).orElse("");
        String analyticsFigures = analytics.map(a -> String.format(java.util.Locale.ROOT, " analytics_orders=%d analytics=%s", a.placedCounted(),
                a.differences().isEmpty() ? "ok" : "differs")).orElse("");
        return String.format(java.util.Locale.ROOT,
                "SUMMARY orders=%d events=%d lost=%d duplicates=%d confirmed=%d cancelled=%d duplicates_skipped=%d dlq=%d%s%s%s mode=%s diffs=%d"
                        + " seconds=%.1f",
                orders, events, lost, duplicates, confirmed, cancelled, duplicatesSkipped, deadLettered, sinkCounts, emailCounts, analyticsFigures,
                mode, diffs, seconds);
    }

    /**
     * True when every order's event arrived, every request succeeded, every invariant holds and (with the sinks) each
     * sink holds every published event exactly once and (with a mail server) every order that ended has its one e-mail;
     * a shadow run's mismatches are reported, not failed on (they are what a parallel run is for).
     */
    public boolean succeeded() {
        return lost == 0 && failedRequests == 0 && violations.isEmpty() && sinks.map(SinkCounts::complete).orElse(true)
                && emails.map(EmailCounts::complete).orElse(true) && analytics.map(a -> a.differences().isEmpty()).orElse(true);
    }
}
