package io.relaybox.connect.s3archive.rotation;

import io.relaybox.connect.s3archive.partition.RecordTime;

/** One reason to end an object, decided from the records alone. */
public interface RotationRule {

    /** True when a record with this time must start a new object instead of joining the open one. */
    default boolean startsNewObject(ObjectStats open, long recordTime) {
        return false;
    }

    /** True when the open object is complete after its last record. */
    default boolean isFull(ObjectStats open) {
        return false;
    }

    /** Full at this many records. */
    static RotationRule maxRecords(long max) {
        return new RotationRule() {
            @Override
            public boolean isFull(ObjectStats open) {
                return open.records() >= max;
            }
        };
    }

    /** Full at this many uncompressed bytes. */
    static RotationRule maxBytes(long max) {
        return new RotationRule() {
            @Override
            public boolean isFull(ObjectStats open) {
                return open.bytes() >= max;
            }
        };
    }

    /** A record at least this long after the object's first record (record time) starts a new object; 0 disables. */
    static RotationRule recordTimeInterval(long intervalMs) {
        return new RotationRule() {
            @Override
            public boolean startsNewObject(ObjectStats open, long recordTime) {
                return intervalMs > 0 && recordTime - open.firstRecordTime() >= intervalMs;
            }
        };
    }

    /** A record of another UTC date than the object's first record starts a new object: {@code dt=} holds every record. */
    static RotationRule sameDate() {
        return new RotationRule() {
            @Override
            public boolean startsNewObject(ObjectStats open, long recordTime) {
                return !RecordTime.date(recordTime).equals(RecordTime.date(open.firstRecordTime()));
            }
        };
    }
}
