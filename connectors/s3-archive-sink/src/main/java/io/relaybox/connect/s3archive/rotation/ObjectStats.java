package io.relaybox.connect.s3archive.rotation;

/**
 * What rotation knows about an open object.
 *
 * @param records how many records it holds
 * @param bytes its uncompressed size (NDJSON bytes)
 * @param firstRecordTime the record time of its first record, epoch milliseconds
 */
public record ObjectStats(long records, long bytes, long firstRecordTime) {

    /** The stats after one more record of this many bytes. */
    public ObjectStats plus(long lineBytes) {
        return new ObjectStats(records + 1, bytes + lineBytes, firstRecordTime);
    }
}
