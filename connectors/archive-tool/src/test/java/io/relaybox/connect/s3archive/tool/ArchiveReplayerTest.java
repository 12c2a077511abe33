package io.relaybox.connect.s3archive.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.format.NdjsonFormat;
import io.relaybox.connect.s3archive.partition.ObjectKey;
import io.relaybox.connect.s3archive.replay.Archive;
import io.relaybox.connect.s3archive.storage.InMemoryObjectStore;
import io.relaybox.connect.s3archive.storage.Retrier;

class ArchiveReplayerTest {

    private static final String TOPIC = "orders.events";
    private static final Instant TIME = Instant.now().minusSeconds(60);

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final Archive archive = new Archive(store, "events", new Retrier(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(10)));
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    @Test
    void replaysEachEventIdOnceTheFirstCopyInArchiveOrder() {
        // partition 0: a, b, c at 0..2, then Debezium's re-sent a and b at 3..4 (another object); partition 1: b once more
        put(0, record(0, 0, "a", "first a"), record(0, 1, "b", "first b"), record(0, 2, "c", "c"));
        put(0, record(0, 3, "a", "second a"), record(0, 4, "b", "second b"));
        put(1, record(1, 0, "b", "third b"), record(1, 1, "d", "d"));

        ArchiveReplayer.Result result = replay(false);

        assertThat(sentValues()).containsExactly("first a", "first b", "c", "d");
        assertThat(result.records()).isEqualTo(4);
        assertThat(result.duplicates()).isEqualTo(3);
    }

    @Test
    void replaysEveryRecordWithoutAnEventId() {
        put(0, record(0, 0, null, "no id"), record(0, 1, null, "no id"), record(0, 2, "a", "a"));

        ArchiveReplayer.Result result = replay(false);

        assertThat(sentValues()).containsExactly("no id", "no id", "a");
        assertThat(result.withoutEventId()).isEqualTo(2);
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void replaysEveryArchivedCopyWhenDuplicatesAreKept() {
        put(0, record(0, 0, "a", "first a"), record(0, 1, "a", "second a"));

        ArchiveReplayer.Result result = replay(true);

        assertThat(sentValues()).containsExactly("first a", "second a");
        assertThat(result.records()).isEqualTo(2);
        assertThat(result.duplicates()).isZero();
    }

    private ArchiveReplayer.Result replay(boolean keepDuplicates) {
        return new ArchiveReplayer(archive, producer).replay(new ArchiveReplayer.Request(TOPIC, Optional.empty(), Optional.empty(),
                TOPIC + ".replayed", true, "occurredat", keepDuplicates));
    }

    private List<String> sentValues() {
        return producer.history().stream().map(ProducerRecord::value).map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    /** One archive object holding these records of one partition, under the key the sink would give it. */
    private void put(int partition, ArchivedRecord... records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (ArchivedRecord r : records) {
                gzip.write(NdjsonFormat.encode(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.put(new ObjectKey("events", TOPIC, TIME.atOffset(ZoneOffset.UTC).toLocalDate(), partition, records[0].offset()).key(),
                bytes.toByteArray());
    }

    private static ArchivedRecord record(int partition, long offset, String eventId, String value) {
        List<ArchivedRecord.Header> headers = new ArrayList<>();
        if (eventId != null) {
            headers.add(new ArchivedRecord.Header("id", eventId.getBytes(StandardCharsets.UTF_8)));
        }
        headers.add(new ArchivedRecord.Header("occurredat", TIME.toString().getBytes(StandardCharsets.UTF_8)));
        return new ArchivedRecord(TOPIC, partition, offset, TIME.toEpochMilli(), "CreateTime", "k".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8), headers);
    }
}
