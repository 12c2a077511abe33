package io.relaybox.outbox.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.kafka.common.TopicPartition;

/**
 * The partitions paused after a transient failure: how often each has failed in a row and when it may be retried.
 * Used by the poll thread only.
 */
final class PartitionRetries {

    private final RetryBackoff backoff;
    private final LongSupplier nanoTime;
    private final Map<TopicPartition, Long> resumeAtNanos = new HashMap<>();
    private final Map<TopicPartition, Integer> failuresInARow = new HashMap<>();

    PartitionRetries(RetryBackoff backoff, LongSupplier nanoTime) {
        this.backoff = backoff;
        this.nanoTime = nanoTime;
    }

    /** Records a failure of the partition's next record and returns how long to wait before retrying it. */
    Duration failed(TopicPartition partition) {
        int attempts = failuresInARow.merge(partition, 1, Integer::sum);
        Duration delay = backoff.delay(attempts);
        resumeAtNanos.put(partition, nanoTime.getAsLong() + delay.toNanos());
        return delay;
    }

    /** How often the partition's next record has failed in a row (0 after a success). */
    int attempts(TopicPartition partition) {
        return failuresInARow.getOrDefault(partition, 0);
    }

    /** The partition's record went through: the next failure starts from the initial backoff again. */
    void succeeded(TopicPartition partition) {
        failuresInARow.remove(partition);
    }

    /** The paused partitions whose wait is over; they are no longer tracked as paused. */
    List<TopicPartition> due() {
        long now = nanoTime.getAsLong();
        List<TopicPartition> due = new ArrayList<>();
        resumeAtNanos.entrySet().removeIf(entry -> {
            if (entry.getValue() - now <= 0) {
                due.add(entry.getKey());
                return true;
            }
            return false;
        });
        return due;
    }

    /** How long until the next paused partition is due, at most {@code limit}. */
    Duration untilNextDue(Duration limit) {
        long now = nanoTime.getAsLong();
        long wait = limit.toNanos();
        for (long resumeAt : resumeAtNanos.values()) {
            wait = Math.min(wait, Math.max(0, resumeAt - now));
        }
        return Duration.ofNanos(wait);
    }

    /** Forgets partitions this consumer no longer owns. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            resumeAtNanos.remove(partition);
            failuresInARow.remove(partition);
        });
    }

    boolean isPaused(TopicPartition partition) {
        return resumeAtNanos.containsKey(partition);
    }
}
