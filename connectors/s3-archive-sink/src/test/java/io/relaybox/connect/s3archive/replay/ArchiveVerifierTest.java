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
        assertThat(report.duplicates()).anySatisfy(d -> assertThat(d.eventId()).isEqualTo("e-0-5"))
                .allSatisfy(d -> assertThat(d.count()).isEqualTo(2));
    }

    @Test
    void reportsAnOverlappingCopyAndItsDuplicateEventIds() {
        putOverlappingCopy();

        VerificationReport report = verifier.verify(TOPIC);

        assertThat(report.overlaps()).anySatisfy(o -> assertThat(o).contains("+00000000000000000005.ndjson.gz holds offset 5"));
        assertThat(report.duplicates()).hasSize(10).first().satisfies(d -> assertThat(d.eventId()).isEqualTo("e-0-5"))
                .satisfies(d -> assertThat(d.count()).isEqualTo(2));
        assertThat(report.summary()).contains("PROBLEMS").contains("event e-0-5 archived 2 times: ");
    }

    @Test
    void namesEachEventIdThatKafkaHeldTwiceWithTheObjectLineAndOffsetOfEveryCopy() {
        // what Debezium leaves after a Connect worker crash: events 12..14 sent again, at offsets 30..32
        List<SinkRecord> resent = records(0, 30, 40, "e");
        for (int i = 0; i < 3; i++) {
            resent.set(i, withId(resent.get(i), "e-0-" + (12 + i)));
        }
        writer(store, 0).write(resent, false);

        VerificationReport report = verifier.verify(TOPIC);

        assertThat(report.isIntact()).as(report.summary()).isTrue();
        assertThat(report.isClean()).isFalse();
        assertThat(report.distinctEventIds()).isEqualTo(67);
        assertThat(report.extraCopies()).isEqualTo(3);
        assertThat(report.duplicates()).extracting(EventIdOccurrences.Duplicate::eventId).containsExactly("e-0-12", "e-0-13", "e-0-14");
        assertThat(report.duplicates().get(0).places()).containsExactly(
                new EventIdOccurrences.Place(SECOND, 3, TOPIC, 0, 12),
                new EventIdOccurrences.Place(SECOND.replace("00000000000000000010", "00000000000000000030"), 1, TOPIC, 0, 30));
        assertThat(report.summary()).contains("; DUPLICATES\n").contains("  3 event ids archived more than once (3 extra copies)\n")
                .contains("  event e-0-14 archived 2 times: " + SECOND + " line 5 (orders.events-0@14); "
                        + SECOND.replace("00000000000000000010", "00000000000000000030") + " line 3 (orders.events-0@32)\n");
    }

    @Test
    void countsRecordsWithoutAnEventIdApartAndStillChecksTheOthers() {
        List<SinkRecord> more = records(1, 30, 40, "e");
        more.set(0, withId(more.get(0), null));
        more.set(1, withId(more.get(1), ""));
        more.set(2, withId(more.get(2), "e-1-0"));
        writer(store, 1).write(more, false);

        VerificationReport report = verifier.verify(TOPIC);

        assertThat(report.recordsWithoutEventId()).isEqualTo(2);
        assertThat(report.duplicates()).extracting(EventIdOccurrences.Duplicate::eventId).containsExactly("e-1-0");
        assertThat(report.summary()).contains("  2 records without an id header (not checked for duplicates), the first at "
                + "archive/orders.events/dt=2026-11-25/partition=1/orders.events+1+00000000000000000030.ndjson.gz line 1 (orders.events-1@30)\n");
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

    /** The record with its {@code id} header replaced by this one, or removed when null. */
    private static SinkRecord withId(SinkRecord record, String id) {
        ConnectHeaders headers = new ConnectHeaders();
        record.headers().forEach(h -> {
            if (!h.key().equals("id")) {
                headers.add(h.key(), h.value(), h.schema());
            }
        });
        if (id != null) {
            headers.addBytes("id", id.getBytes(StandardCharsets.UTF_8));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(),
                record.value(), record.timestamp(), headers);
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
