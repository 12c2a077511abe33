package io.relaybox.connect.elasticsearch.offset;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Which offsets may be committed: per partition, the offset after the longest prefix of taken records that are all
 * settled (acknowledged by Elasticsearch or reported), however the bulk requests complete. Used by the task thread only.
 */
public final class OffsetTracker {

    private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();
    private int unsettled;

    /** Starts tracking a record that becomes {@code writes} documents (0: settled at once). */
    public TrackedRecord track(SinkRecord record, int writes) {
        TopicPartition partition = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
        PartitionOffsets offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets());
        TrackedRecord tracked = new TrackedRecord(offsets, record, record.originalKafkaOffset(), writes);
        offsets.pending.addLast(tracked);
        unsettled++;
        if (writes == 0) {
            offsets.settled();
        }
        return tracked;
    }

    /** Records taken but not yet settled, over all partitions: what the task holds in memory. */
    public int unsettled() {
        return unsettled;
    }

    /** The offsets to commit: for each partition with progress, the offset of the first record not yet settled. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        partitions.forEach((partition, offsets) -> {
            if (offsets.next >= 0) {
                result.put(partition, new OffsetAndMetadata(offsets.next));
            }
        });
        return result;
    }

    /** Forgets the partitions (they were revoked); outcomes of their records arriving later are ignored. */
    public void remove(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            PartitionOffsets offsets = partitions.remove(partition);
            if (offsets != null) {
                offsets.detached = true;
                unsettled -= (int) offsets.pending.stream().filter(r -> !r.isSettled()).count();
            }
        }
    }

    /** The records of one partition in the order they were taken. */
    final class PartitionOffsets {

        private final ArrayDeque<TrackedRecord> pending = new ArrayDeque<>();
        private long next = -1;
        private boolean detached;

        boolean isDetached() {
            return detached;
        }

        void settled() {
            if (detached) {
                return;
            }
            unsettled--;
            while (!pending.isEmpty() && pending.peekFirst().isSettled()) {
                // monotonic: a redelivered (lower) offset never moves the commit position back
                next = Math.max(next, pending.pollFirst().offset() + 1);
            }
        }
    }
}
