package io.relaybox.connect.s3archive.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.s3archive.partition.TopicPartitionWriter;
import io.relaybox.connect.s3archive.partition.WriterSettings;
import io.relaybox.connect.s3archive.rotation.RotationPolicy;
import io.relaybox.connect.s3archive.storage.InMemoryObjectStore;
import io.relaybox.connect.s3archive.storage.Retrier;

class ArchiveVerifierTest {

    private static final String TOPIC = "orders.events";
    private static final String SECOND = "archive/orders.events/dt=2026-11-25/partition=0/orders.events+0+00000000000000000010.ndjson.gz";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final Retrier retrier = new Retrier(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(10));
    private final ArchiveVerifier verifier = new ArchiveVerifier(new Archive(store, "archive", retrier), "occurredat");

    @BeforeEach
    void archive() {
        for (int partition = 0; partition < 2; partition++) {
            writer(store, partition).write(records(partition, 0, 30, "e"), false);
        }
    }

    private TopicPartitionWriter writer(InMemoryObjectStore target, int partition) {
        return new TopicPartitionWriter(new TopicPartition(TOPIC, partition),
                new WriterSettings("archive", RotationPolicy.of(10, 1_000_000, 0), "occurredat", 6, 5 * 1024 * 1024, 0), target, retrier,
                (tp, offset) -> { }, (r, e) -> { }, () -> 0L);
    }

    @Test
    void findsACleanArchiveClean() {
        VerificationReport report = verifier.verify(TOPIC);

        assertThat(report.isClean()).as(report.summary()).isTrue();
        assertThat(report.records()).isEqualTo(60);
        assertThat(report.partitions()).containsOnlyKeys(0, 1);
        assertThat(report.partitions().get(0)).extracting(VerificationReport.PartitionSummary::objects,
                VerificationReport.PartitionSummary::firstOffset, VerificationReport.PartitionSummary::lastOffset).containsExactly(3, 0L, 29L);
        assertThat(report.summary()).startsWith("orders.events: 6 objects, 60 records, ").contains("; OK\n");
    }

    @Test
    void reportsAMissingObjectAsAGap() {
        store.delete(SECOND);

        VerificationReport report = verifier.verify(TOPIC);

        assertThat(report.isClean()).isFalse();
        assertThat(report.gaps()).containsExactly("orders.events-0: 10..19");
    }

    @Test
    void listsTheGapsOfATransactionalTopicWithoutFailingIt() {
        store.delete(SECOND);

        VerificationReport report = verifier.verify(TOPIC, true);

        // commit markers and aborted transactions leave offsets no read_committed sink sees
        assertThat(report.isClean()).as(report.summary()).isTrue();
        assertThat(report.gaps()).containsExactly("orders.events-0: 10..19");
        assertThat(report.summary()).contains("; OK\n").contains("1 offset gaps, expected in a transactional topic")
                .contains("orders.events-0: 10..19");
    }

    @Test
    void failsATransactionalTopicThatHoldsAnEventTwice() {
        putOverlappingCopy();

        VerificationReport report = verifier.verify(TOPIC, true);

        assertThat(report.isClean()).isFalse();
        assertThat(report.duplicateEventIds()).containsEntry("e-0-5", 2);
    }

    @Test
    void reportsAnOverlappingCopyAndItsDuplicateEventIds() {
        putOverlappingCopy();

        VerificationReport report = verifier.verify(TOPIC);

        assertThat(report.overlaps()).anySatisfy(o -> assertThat(o).contains("+00000000000000000005.ndjson.gz holds offset 5"));
        assertThat(report.duplicateEventIds()).hasSize(10).containsEntry("e-0-5", 2);
        assertThat(report.summary()).contains("PROBLEMS").contains("event e-0-5 archived 2 times");
    }

    /** Adds an object that repeats offsets 5..14: what a sink whose object names depend on the wall clock leaves after a restart. */
    private void putOverlappingCopy() {
        InMemoryObjectStore scratch = new InMemoryObjectStore();
        writer(scratch, 0).write(records(0, 5, 15, "e"), false);
        Map.Entry<String, byte[]> copy = scratch.objects().entrySet().iterator().next();
        store.put(copy.getKey(), copy.getValue());
    }

    @Test
    void reportsAnObjectWhoseKeyDoesNotMatchItsRecords() {
        store.put(SECOND.replace("00000000000000000010", "00000000000000000011"), store.objects().get(SECOND));
        store.delete(SECOND);

        VerificationReport report = verifier.verify(TOPIC);

        assertThat(report.mismatchedKeys()).singleElement().asString().contains("starts with orders.events-0@10");
        assertThat(report.isClean()).isFalse();
    }

    private static List<SinkRecord> records(int partition, long from, long to, String idPrefix) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            ConnectHeaders headers = new ConnectHeaders();
            headers.addBytes("id", (idPrefix + "-" + partition + "-" + offset).getBytes(StandardCharsets.UTF_8));
            headers.addBytes("occurredat", Instant.parse("2026-11-25T10:00:00Z").plusSeconds(offset).toString()
                    .getBytes(StandardCharsets.UTF_8));
            records.add(new SinkRecord(TOPIC, partition, null, "k".getBytes(StandardCharsets.UTF_8), null,
                    ("{\"n\":" + offset + "}").getBytes(StandardCharsets.UTF_8), offset, 0L, TimestampType.CREATE_TIME, headers));
        }
        return records;
    }
}
