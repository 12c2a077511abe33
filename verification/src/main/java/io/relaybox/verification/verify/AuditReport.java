package io.relaybox.verification.verify;

import java.util.List;

/**
 * What the audit of a verification run found.
 *
 * @param orders orders acknowledged with 201 during the run
 * @param events events the databases committed about them (the retained outbox rows)
 * @param sinks one tally per sink
 * @param violations every broken invariant, in words (empty when they hold)
 */
public record AuditReport(long orders, long events, List<SinkTally> sinks, List<String> violations) {

    public AuditReport {
        sinks = List.copyOf(sinks);
        violations = List.copyOf(violations);
    }

    /** Expected events some sink does not hold, summed over the sinks. */
    public long lost() {
        return sinks.stream().mapToLong(SinkTally::lost).sum();
    }

    /** Extra copies some sink holds, summed over the sinks. */
    public long duplicates() {
        return sinks.stream().mapToLong(SinkTally::duplicatesDelivered).sum();
    }

    public boolean invariantsHold() {
        return violations.isEmpty();
    }
}
