package io.relaybox.connect.s3archive.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.format.ObjectReader;
import io.relaybox.connect.s3archive.rotation.RotationPolicy;
import io.relaybox.connect.s3archive.storage.InMemoryObjectStore;
import io.relaybox.connect.s3archive.storage.Retrier;
import io.relaybox.connect.s3archive.storage.StorageException;

class TopicPartitionWriterTest {

    private static final TopicPartition TP = new TopicPartition("orders.events", 1);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final AtomicLong wallClock = new AtomicLong(1_000_000);
    private final List<Long> rewinds = new ArrayList<>();
    private final List<SinkRecord> errant = new ArrayList<>();
    private WriterSettings settings;

    @BeforeEach
    void settings() {
        settings = new WriterSettings("archive", RotationPolicy.of(100, 10_000_000, 3_600_000), "occurredat", 6, 5 * 1024 * 1024, 1_000);
    }

    private TopicPartitionWriter writer() {
        Retrier retrier = new Retrier(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(20));
        return new TopicPartitionWriter(TP, settings, store, retrier, (tp, offset) -> rewinds.add(offset), (r, e) -> errant.add(r),
                wallClock::get);
    }

    @Test
    void uploadsCompleteObjectsAndCommitsOnlyThem() {
        TopicPartitionWriter writer = writer();

        writer.write(records(0, 250), false);

        assertThat(store.objects().keySet()).containsExactly(
                "archive/orders.events/dt=2026-11-25/partition=1/orders.events+1+00000000000000000000.ndjson.gz",
                "archive/orders.events/dt=2026-11-25/partition=1/orders.events+1+00000000000000000100.ndjson.gz");
        assertThat(writer.committableOffset()).isEqualTo(200);
        assertThat(read(store.objects().values().iterator().next())).extracting(ArchivedRecord::offset)
                .containsExactlyElementsOf(LongStream.range(0, 100).boxed().toList());
    }

    @Test
    void rewritesByteIdenticalObjectsWhenRestartedFromAnEarlierOffset() {
        writer().write(records(0, 300), false);
        Map<String, byte[]> first = store.objects();

        TopicPartitionWriter restarted = writer();
        restarted.write(records(0, 300), false);

        assertThat(store.objects()).containsOnlyKeys(first.keySet());
        first.forEach((key, bytes) -> assertThat(store.objects().get(key)).as(key).isEqualTo(bytes));
        assertThat(restarted.committableOffset()).isEqualTo(300);
    }

    @Test
    void startsAnObjectAtTheNextRecordTimeIntervalRegardlessOfWallClock() {
        settings = new WriterSettings("archive", RotationPolicy.of(1_000, 10_000_000, 60_000), "occurredat", 6, 5 * 1024 * 1024, 0);
        TopicPartitionWriter writer = writer();
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(record(i, T0.plusSeconds(20L * i))); // 0, 20, 40 | 60, 80, 100 | 120 ...
            wallClock.addAndGet(3_600_000);
        }

        writer.write(records, false);

        assertThat(store.objects().keySet()).extracting(k -> k.substring(k.lastIndexOf('+') + 1))
                .containsExactly("00000000000000000000.ndjson.gz", "00000000000000000003.ndjson.gz", "00000000000000000006.ndjson.gz");
        assertThat(writer.committableOffset()).isEqualTo(9);
    }

    @Test
    void uploadsAnIdleOpenObjectWithoutCommittingItAndRebuildsItWhenMoreRecordsCome() {
        TopicPartitionWriter writer = writer();
        writer.write(records(0, 130), false);
        assertThat(writer.committableOffset()).isEqualTo(100);

        wallClock.addAndGet(1_000);
        writer.uploadOpenObjectIfDue();

        String tail = "archive/orders.events/dt=2026-11-25/partition=1/orders.events+1+00000000000000000100.ndjson.gz";
        assertThat(read(store.objects().get(tail))).hasSize(30);
        assertThat(writer.committableOffset()).isEqualTo(100);

        writer.write(records(130, 150), false);
        assertThat(rewinds).containsExactly(100L);

        writer.write(records(100, 200), false); // Connect delivers again from the rewound offset
        assertThat(read(store.objects().get(tail))).extracting(ArchivedRecord::offset)
                .containsExactlyElementsOf(LongStream.range(100, 200).boxed().toList());
        assertThat(writer.committableOffset()).isEqualTo(200);
    }

    @Test
    void doesNotUploadARebuiltObjectAgainUntilNewRecordsHaveWaited() {
        TopicPartitionWriter writer = writer();
        writer.write(records(0, 130), false);
        wallClock.addAndGet(1_000);
        writer.uploadOpenObjectIfDue();
        int writes = store.writes();
        writer.write(records(130, 131), false);
        assertThat(rewinds).containsExactly(100L);

        // a slow rebuild: the records it re-reads are in S3 already, so they do not wait
        writer.write(records(100, 115), false);
        wallClock.addAndGet(5_000);
        writer.uploadOpenObjectIfDue();
        writer.write(records(115, 130), false);
        wallClock.addAndGet(5_000);
        writer.uploadOpenObjectIfDue();
        assertThat(store.writes()).isEqualTo(writes);

        writer.write(records(130, 131), false);
        wallClock.addAndGet(999);
        writer.uploadOpenObjectIfDue();
        assertThat(store.writes()).isEqualTo(writes);
        wallClock.addAndGet(1);
        writer.uploadOpenObjectIfDue();
        String tail = "archive/orders.events/dt=2026-11-25/partition=1/orders.events+1+00000000000000000100.ndjson.gz";
        assertThat(store.writes()).isEqualTo(writes + 1);
        assertThat(read(store.objects().get(tail))).hasSize(31);
        assertThat(writer.committableOffset()).isEqualTo(100);
    }

    @Test
    void streamsLargeObjectsAsMultipartUploads() {
        settings = new WriterSettings("archive", RotationPolicy.of(100_000, 100_000_000, 0), "occurredat", 1, 64 * 1024, 0);
        TopicPartitionWriter writer = writer();

        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(record(i, T0, randomText(i, 300)));
        }
        writer.write(records, false);
        assertThat(store.objects()).isEmpty(); // parts are up, the object is not complete
        assertThat(store.openMultipartUploads()).isEqualTo(1);

        writer.close();
        assertThat(store.openMultipartUploads()).isZero();
    }

    @Test
    void keepsRecordsOfAFailedUploadAndSkipsThemWhenDeliveredAgain() {
        TopicPartitionWriter writer = writer();
        store.failNext(1_000);

        assertThatThrownBy(() -> writer.write(records(0, 120), false)).isInstanceOf(StorageException.class)
                .hasMessageContaining("HTTP 503 SlowDown");
        assertThat(writer.committableOffset()).isEqualTo(-1);

        store.failNext(0);
        writer.write(records(0, 120), true);

        assertThat(store.objects()).hasSize(1);
        assertThat(read(store.objects().values().iterator().next())).hasSize(100);
        assertThat(writer.committableOffset()).isEqualTo(100);
        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void rewindsToTheStartOfTheArchivedObjectWhenStartingInsideIt() {
        writer().write(records(0, 200), false);

        TopicPartitionWriter fresh = writer();
        fresh.write(records(150, 200), false);

        assertThat(rewinds).containsExactly(100L);
        assertThat(fresh.committableOffset()).isEqualTo(100);
        fresh.write(records(100, 200), false);
        assertThat(store.objects()).hasSize(2);
        assertThat(fresh.committableOffset()).isEqualTo(200);
    }

    @Test
    void reportsRecordsItCannotStoreAndGoesOn() {
        TopicPartitionWriter writer = writer();
        Schema schema = SchemaBuilder.struct().field("a", Schema.STRING_SCHEMA).build();
        List<SinkRecord> records = new ArrayList<>(records(0, 5));
        records.set(2, new SinkRecord(TP.topic(), TP.partition(), null, "k", schema, new Struct(schema).put("a", "x"), 2,
                T0.toEpochMilli(), TimestampType.CREATE_TIME));

        writer.write(records, false);
        wallClock.addAndGet(5_000);
        writer.uploadOpenObjectIfDue();

        assertThat(errant).extracting(SinkRecord::kafkaOffset).containsExactly(2L);
        assertThat(read(store.objects().values().iterator().next())).extracting(ArchivedRecord::offset).containsExactly(0L, 1L, 3L, 4L);
    }

    static List<SinkRecord> records(long from, long to) {
        List<SinkRecord> records = new ArrayList<>();
        for (long i = from; i < to; i++) {
            records.add(record(i, T0.plusMillis(i)));
        }
        return records;
    }

    static SinkRecord record(long offset, Instant occurredAt) {
        return record(offset, occurredAt, "{\"orderId\":\"o-" + offset + "\"}");
    }

    static SinkRecord record(long offset, Instant occurredAt, String payload) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes("id", ("event-" + offset).getBytes(StandardCharsets.UTF_8));
        headers.addBytes("type", "OrderPlaced".getBytes(StandardCharsets.UTF_8));
        headers.addBytes("occurredat", occurredAt.toString().getBytes(StandardCharsets.UTF_8));
        return new SinkRecord(TP.topic(), TP.partition(), null, ("o-" + offset % 7).getBytes(StandardCharsets.UTF_8), null,
                payload.getBytes(StandardCharsets.UTF_8), offset, occurredAt.toEpochMilli(), TimestampType.CREATE_TIME, headers);
    }

    private static String randomText(long seed, int length) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private static List<ArchivedRecord> read(byte[] object) {
        return ObjectReader.readAll(new ByteArrayInputStream(object), "test");
    }
}
