package io.relaybox.connect.s3archive.tool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.replay.Archive;
import io.relaybox.connect.s3archive.replay.ArchiveObject;
import io.relaybox.connect.s3archive.partition.RecordTime;

/**
 * Replays a topic (or a record-time range of it) from the archive into a Kafka topic, so that a new consumer can rebuild
 * its state from the event store: same key, value, headers and timestamp; per partition in offset order; by default into
 * the same partition numbers; each event id once (the first copy in archive order, see {@link FirstCopies}) unless asked
 * to keep duplicates. The producer must be idempotent ({@code enable.idempotence=true}, the default) so that retries
 * neither duplicate nor reorder.
 */
public final class ArchiveReplayer {

    /**
     * What to replay.
     *
     * @param topic the archived topic
     * @param from only records whose record time is at or after this instant
     * @param to only records whose record time is before this instant
     * @param targetTopic the topic to produce into
     * @param samePartitions produce into the record's original partition number (the target needs at least as many
     *        partitions); false lets the producer's partitioner choose by key
     * @param timeHeader the sink's {@code record.time.header}, for the range
     * @param keepDuplicates replay every archived record, also a later copy of an event id already replayed
     */
    public record Request(String topic, Optional<Instant> from, Optional<Instant> to, String targetTopic, boolean samePartitions,
            String timeHeader, boolean keepDuplicates) {
    }

    /**
     * What a replay did.
     *
     * @param records records produced
     * @param objects objects read
     * @param skipped records outside the time range
     * @param duplicates records not replayed because a record with the same event id was replayed before them (0 when
     *        duplicates are kept)
     * @param withoutEventId records replayed that have no event id (they cannot be deduplicated; 0 when duplicates are
     *        kept, as they are not looked at)
     */
    public record Result(long records, int objects, long skipped, long duplicates, long withoutEventId) {
    }

    private final Archive archive;
    private final Producer<byte[], byte[]> producer;

    public ArchiveReplayer(Archive archive, Producer<byte[], byte[]> producer) {
        this.archive = archive;
        this.producer = producer;
    }

    /**
     * Produces the records and waits until Kafka acknowledged every one.
     *
     * @throws IllegalStateException when Kafka refused a record (nothing after it in the same partition is left unsent
     *         silently: the exception says which record)
     */
    public Result replay(Request request) {
        Optional<LocalDate> fromDate = request.from().map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate());
        Optional<LocalDate> toDate = request.to().map(i -> i.minusMillis(1).atOffset(ZoneOffset.UTC).toLocalDate());
        List<ArchiveObject> objects = archive.objects(request.topic(), Optional.empty(), fromDate, toDate);
        long[] counts = {0, 0};
        FirstCopies firstCopies = new FirstCopies();
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        List<ArchivedRecord> pendingRecords = new ArrayList<>();
        // per partition in offset order: objects are sorted by partition, then first offset
        for (ArchiveObject object : objects) {
            archive.read(object, record -> {
                long time = RecordTime.of(record, request.timeHeader());
                if (request.from().isPresent() && time < request.from().get().toEpochMilli()
                        || request.to().isPresent() && time >= request.to().get().toEpochMilli()) {
                    counts[1]++;
                    return;
                }
                if (!request.keepDuplicates() && !firstCopies.deliver(record.eventId())) {
                    return;
                }
                pending.add(producer.send(toProducerRecord(record, request)));
                pendingRecords.add(record);
                counts[0]++;
                if (pending.size() >= 10_000) {
                    awaitAll(pending, pendingRecords);
                }
            });
        }
        producer.flush();
        awaitAll(pending, pendingRecords);
        return new Result(counts[0], objects.size(), counts[1], firstCopies.duplicates(), firstCopies.withoutEventId());
    }

    private static ProducerRecord<byte[], byte[]> toProducerRecord(ArchivedRecord record, Request request) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(h -> headers.add(new RecordHeader(h.name(), h.value())));
        Long timestamp = "CreateTime".equals(record.timestampType()) ? record.timestamp() : null;
        Integer partition = request.samePartitions() ? record.partition() : null;
        return new ProducerRecord<>(request.targetTopic(), partition, timestamp, record.key(), record.value(), headers);
    }

    private static void awaitAll(List<Future<RecordMetadata>> pending, List<ArchivedRecord> records) {
        for (int i = 0; i < pending.size(); i++) {
            try {
                pending.get(i).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused " + records.get(i) + ": " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
        }
        pending.clear();
        records.clear();
    }
}
