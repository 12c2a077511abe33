package io.relaybox.connect.elasticsearch.offset;

import org.apache.kafka.connect.sink.SinkRecord;

/** A record the task took and has not yet settled: it is settled when each of its documents is acknowledged or reported. */
public final class TrackedRecord {

    private final OffsetTracker.PartitionOffsets partition;
    private final SinkRecord record;
    private final long offset;
    private int unsettledWrites;
    private boolean reported;

    TrackedRecord(OffsetTracker.PartitionOffsets partition, SinkRecord record, long offset, int writes) {
        this.partition = partition;
        this.record = record;
        this.offset = offset;
        this.unsettledWrites = writes;
    }

    public SinkRecord record() {
        return record;
    }

    public long offset() {
        return offset;
    }

    /** True once every document of the record is settled. */
    public boolean isSettled() {
        return unsettledWrites == 0;
    }

    /** False once the task gave up the record's partition (rebalance): its outcome no longer matters here. */
    public boolean isOwned() {
        return !partition.isDetached();
    }

    /** True when the record was already handed to the errant-record reporter (it is reported once, however many documents failed). */
    public boolean isReported() {
        return reported;
    }

    public void markReported() {
        reported = true;
    }

    /** One document of the record is settled: acknowledged by Elasticsearch, or reported as an errant record. */
    public void settleWrite() {
        if (unsettledWrites == 0) {
            throw new IllegalStateException("record at offset " + offset + " has no unsettled document");
        }
        unsettledWrites--;
        if (unsettledWrites == 0) {
            partition.settled();
        }
    }

    @Override
    public String toString() {
        return "TrackedRecord[" + record.topic() + "-" + record.kafkaPartition() + "@" + offset + ", unsettled=" + unsettledWrites + "]";
    }
}
