package io.relaybox.outbox.inbox.spring;

import io.relaybox.outbox.inbox.InboxMetrics;

/**
 * The body of {@code GET /inbox/stats}: this instance's inbox counters since it started (sum them over instances).
 *
 * @param consumer the consumer name, e.g. {@code inventory-service}
 * @param applied events whose effect was committed
 * @param duplicatesSkipped events skipped because their id was already recorded
 * @param deadLettered events sent to the dead-letter topic as permanent failures
 * @param retried attempts that failed transiently and were retried
 * @param parked events set aside behind a dead-lettered event of the same aggregate
 * @param batchesRolledBack batches of events rolled back and then received one by one (a poison event, a deadlock)
 */
public record InboxStats(String consumer, long applied, long duplicatesSkipped, long deadLettered, long retried,
        long parked, long batchesRolledBack) {

    static InboxStats of(String consumer, InboxMetrics metrics) {
        return new InboxStats(consumer, metrics.applied(), metrics.duplicatesSkipped(), metrics.deadLettered(),
                metrics.retried(), metrics.parked(), metrics.batchesRolledBack());
    }
}
