package io.relaybox.connect.s3archive.partition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.function.LongSupplier;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.format.GzipWriter;
import io.relaybox.connect.s3archive.format.NdjsonFormat;
import io.relaybox.connect.s3archive.rotation.ObjectStats;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connect.s3archive.storage.ObjectUpload;
import io.relaybox.connect.s3archive.storage.Retrier;

/**
 * Owns one Kafka partition's objects. Records join the open object until a rotation rule ends it; an ended object is
 * uploaded, and only then does {@link #committableOffset()} move past it. Every object starts at the offset after the
 * previous one and ends where the rules say, so after any restart from the committed offset the same objects, with the
 * same keys and bytes, are written again. A call that fails leaves the writer so that the same records can be delivered
 * again (already written offsets are skipped).
 */
public final class TopicPartitionWriter {

    /** Asks Connect to deliver the partition again from an offset ({@code SinkTaskContext.offset}). */
    @FunctionalInterface
    public interface Rewinder {
        void rewind(TopicPartition partition, long offset);
    }

    /** Receives a record that cannot be archived ({@code ErrantRecordReporter}, or failing the task). */
    @FunctionalInterface
    public interface ErrantRecords {
        void report(SinkRecord record, Throwable error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicPartitionWriter.class);

    private final TopicPartition partition;
    private final WriterSettings settings;
    private final ObjectStore store;
    private final Retrier retrier;
    private final ArchiveIndex index;
    private final Rewinder rewinder;
    private final ErrantRecords errant;
    private final LongSupplier wallClockMillis;

    private OpenObject open;
    private OpenObject closing;
    private long provisionalFirstOffset = -1;
    // the object last uploaded as it stood: its first and last offset, so that rebuilding it does not count as waiting
    private long uploadedFirstOffset = -1;
    private long uploadedLastOffset = -1;
    private long committable = -1;
    private long nextExpected = -1;
    private long rewoundTo = -1;
    private boolean aligned;

    public TopicPartitionWriter(TopicPartition partition, WriterSettings settings, ObjectStore store, Retrier retrier, Rewinder rewinder,
            ErrantRecords errant, LongSupplier wallClockMillis) {
        this.partition = partition;
        this.settings = settings;
        this.store = store;
        this.retrier = retrier;
        this.index = new ArchiveIndex(store, retrier, settings.prefix());
        this.rewinder = rewinder;
        this.errant = errant;
        this.wallClockMillis = wallClockMillis;
    }

    /**
     * Adds the partition's records of one {@code put}, in offset order.
     *
     * @param redelivery true when Connect delivers again the batch whose {@code put} failed
     * @throws io.relaybox.connect.s3archive.storage.StorageException when S3 failed beyond the retries
     */
    public void write(Collection<SinkRecord> records, boolean redelivery) {
        completeClosing();
        if (open != null) {
            open.upload.uploadFullParts();
        }
        for (SinkRecord record : records) {
            long offset = record.originalKafkaOffset();
            if (rewoundTo >= 0) {
                if (offset != rewoundTo && (redelivery || offset < rewoundTo)) {
                    continue; // records fetched before the rewind took effect
                }
                if (offset != rewoundTo) {
                    LOG.warn("{}: rewound to offset {} but Kafka delivered {} (records deleted by retention?)", partition, rewoundTo, offset);
                }
                rewoundTo = -1;
                nextExpected = offset;
            }
            if (nextExpected >= 0 && offset < nextExpected) {
                continue; // delivered again after a failed put: already in the open object
            }
            if (provisionalFirstOffset >= 0) {
                // the open object was uploaded as it stood and dropped: rebuild it from its first offset
                rewind(provisionalFirstOffset);
                provisionalFirstOffset = -1;
                return;
            }
            if (!aligned) {
                long start = index.startOfObjectContaining(partition.topic(), partition.partition(), offset);
                aligned = true;
                if (start < offset) {
                    LOG.info("{}: offset {} lies inside the archived object that starts at {}; rewinding to rewrite it whole", partition,
                            offset, start);
                    rewind(start);
                    committable = start; // everything before the object is archived: commit that, not the offset given
                    return;
                }
            }
            ArchivedRecord archived;
            try {
                archived = SinkRecordConverter.convert(record);
            } catch (DataException e) {
                errant.report(record, e);
                nextExpected = offset + 1;
                continue;
            }
            append(archived);
        }
    }

    /**
     * Uploads the open object as it stands when its oldest record that is not yet in S3 waited longer than
     * {@code open.object.upload.ms}; its offsets stay uncommitted (see {@link WriterSettings#openObjectUploadMs()}).
     * Records that an earlier upload of the same object already holds do not wait: rebuilding an object after such an
     * upload never triggers another one, however long the rebuild takes, so the object always makes progress.
     */
    public void uploadOpenObjectIfDue() {
        completeClosing();
        if (open != null && settings.openObjectUploadMs() > 0 && open.waitingSince >= 0
                && wallClockMillis.getAsLong() - open.waitingSince >= settings.openObjectUploadMs()) {
            closeOpen(false);
        }
    }

    /** The offset after the last record of the last uploaded object, or -1 when no object was uploaded yet. */
    public long committableOffset() {
        return committable;
    }

    /** Forgets the open object and aborts its multipart upload (the partition was revoked or the task stops). */
    public void close() {
        for (OpenObject o : new OpenObject[] {open, closing}) {
            if (o != null) {
                o.upload.abort();
                o.gzip.close();
            }
        }
        open = null;
        closing = null;
    }

    private void append(ArchivedRecord record) {
        byte[] line = NdjsonFormat.encode(record);
        long time = RecordTime.of(record, settings.timeHeader());
        if (open != null && settings.rotation().startsNewObject(open.stats, time)) {
            closeOpen(true);
        }
        if (open == null) {
            ObjectKey key = new ObjectKey(settings.prefix(), partition.topic(), RecordTime.date(time), partition.partition(), record.offset());
            open = new OpenObject(key, new ObjectUpload(store, retrier, key.key(), settings.partSize()), settings.gzipLevel(), time);
        }
        open.append(line, record.offset());
        boolean alreadyUploaded = open.key.firstOffset() == uploadedFirstOffset && record.offset() <= uploadedLastOffset;
        if (open.waitingSince < 0 && !alreadyUploaded) {
            open.waitingSince = wallClockMillis.getAsLong();
        }
        nextExpected = record.offset() + 1;
        if (settings.rotation().isFull(open.stats)) {
            closeOpen(true);
        } else {
            open.upload.uploadFullParts();
        }
    }

    /** Ends the open object and uploads it; a final object moves the committable offset, a provisional one does not. */
    private void closeOpen(boolean last) {
        closing = open;
        open = null;
        closing.finish(last);
        completeClosing();
    }

    private void completeClosing() {
        if (closing == null) {
            return;
        }
        closing.upload.complete();
        if (closing.isFinal) {
            committable = closing.lastOffset + 1;
            retrier.metrics().written((int) closing.stats.records());
            if (closing.key.firstOffset() == uploadedFirstOffset) {
                uploadedFirstOffset = -1;
                uploadedLastOffset = -1;
            }
            LOG.debug("{}: uploaded {} ({} records)", partition, closing.key, closing.stats.records());
        } else {
            provisionalFirstOffset = closing.key.firstOffset();
            uploadedFirstOffset = closing.key.firstOffset();
            uploadedLastOffset = closing.lastOffset;
            LOG.debug("{}: uploaded open object {} as it stands ({} records)", partition, closing.key, closing.stats.records());
        }
        closing = null;
    }

    private void rewind(long offset) {
        if (open != null) {
            open.upload.abort();
            open.gzip.close();
            open = null;
        }
        rewoundTo = offset;
        nextExpected = -1;
        rewinder.rewind(partition, offset);
    }

    /** An object being written: its key, its gzip stream into the upload, and what rotation needs. */
    private static final class OpenObject {

        final ObjectKey key;
        final ObjectUpload upload;
        final GzipWriter gzip;
        long waitingSince = -1; // wall clock: when its oldest record not yet in S3 arrived; -1 while there is none
        ObjectStats stats;
        long lastOffset = -1;
        boolean isFinal;

        OpenObject(ObjectKey key, ObjectUpload upload, int gzipLevel, long firstRecordTime) {
            this.key = key;
            this.upload = upload;
            this.stats = new ObjectStats(0, 0, firstRecordTime);
            try {
                this.gzip = new GzipWriter(upload.out(), gzipLevel);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void append(byte[] line, long offset) {
            try {
                gzip.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // an in-memory buffer does not fail
            }
            stats = stats.plus(line.length);
            lastOffset = offset;
        }

        void finish(boolean last) {
            isFinal = last;
            try {
                gzip.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
