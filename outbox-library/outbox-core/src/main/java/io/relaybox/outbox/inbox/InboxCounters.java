package io.relaybox.outbox.inbox;

import java.util.concurrent.atomic.LongAdder;

/** The inbox's counters: cheap to increment from many threads, read as one {@link InboxMetrics} snapshot. */
final class InboxCounters {

    final LongAdder applied = new LongAdder();
    final LongAdder duplicatesSkipped = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder parked = new LongAdder();
    final LongAdder released = new LongAdder();
    final LongAdder batchesRolledBack = new LongAdder();

    InboxMetrics snapshot() {
        return new InboxMetrics(applied.sum(), duplicatesSkipped.sum(), retried.sum(), deadLettered.sum(),
                parked.sum(), released.sum(), batchesRolledBack.sum());
    }
}
