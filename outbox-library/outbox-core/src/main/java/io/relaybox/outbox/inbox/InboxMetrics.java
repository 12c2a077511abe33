package io.relaybox.outbox.inbox;

/**
 * A snapshot of an {@link Inbox}'s counters since it was built, in this process. They count occurrences: an event
 * that is retried three times adds three to {@link #retried()}.
 *
 * @param applied events whose handler ran and committed (released events included)
 * @param duplicatesSkipped events skipped because their id was already recorded
 * @param retried attempts that failed with a transient failure and are retried
 * @param deadLettered events given up on as permanent failures (sent to the dead-letter topic)
 * @param parked events set aside because an earlier event of their aggregate is dead-lettered
 * @param released dead-lettered or parked events applied on re-delivery, each unblocking its aggregate's next one
 * @param batchesRolledBack batches ({@link Inbox#receiveAll}) rolled back because one of their events failed, would be
 *        parked, or the transaction could not commit (a deadlock, say); their events were then received one by one
 */
public record InboxMetrics(long applied, long duplicatesSkipped, long retried, long deadLettered, long parked,
        long released, long batchesRolledBack) {
}
