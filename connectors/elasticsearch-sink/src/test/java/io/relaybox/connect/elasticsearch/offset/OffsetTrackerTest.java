package io.relaybox.connect.elasticsearch.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.elasticsearch.convert.OutboxRecords;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("orders.events", 0);
    private static final TopicPartition P1 = new TopicPartition("orders.events", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsNothingBeforeElasticsearchAcknowledged() {
        tracker.track(record(0, 10), 1);
        tracker.track(record(0, 11), 2);

        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.unsettled()).isEqualTo(2);
    }

    @Test
    void commitsOnlyUpToTheFirstUnacknowledgedRecordWhateverOrderRequestsFinishIn() {
        TrackedRecord first = tracker.track(record(0, 10), 1);
        TrackedRecord second = tracker.track(record(0, 11), 1);
        TrackedRecord third = tracker.track(record(0, 12), 1);

        third.settleWrite();
        assertThat(tracker.committable()).isEmpty();
        first.settleWrite();
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(11)));
        second.settleWrite();
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
        assertThat(tracker.unsettled()).isZero();
    }

    @Test
    void waitsForEveryDocumentOfARecord() {
        TrackedRecord order = tracker.track(record(0, 10), 2);

        order.settleWrite();
        assertThat(tracker.committable()).isEmpty();
        order.settleWrite();
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(11)));
    }

    @Test
    void settlesARecordWithoutDocumentsAtOnce() {
        tracker.track(record(1, 4), 0);

        assertThat(tracker.committable()).isEqualTo(Map.of(P1, new OffsetAndMetadata(5)));
    }

    @Test
    void tracksPartitionsApart() {
        TrackedRecord a = tracker.track(record(0, 10), 1);
        tracker.track(record(1, 20), 1);

        a.settleWrite();
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(11)));
    }

    @Test
    void neverMovesTheCommitBackWhenRecordsAreRedelivered() {
        tracker.track(record(0, 10), 1).settleWrite();
        tracker.track(record(0, 11), 1).settleWrite();
        tracker.track(record(0, 10), 1).settleWrite();

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
    }

    @Test
    void forgetsRevokedPartitionsAndIgnoresTheirLateOutcomes() {
        TrackedRecord revoked = tracker.track(record(0, 10), 1);
        tracker.track(record(1, 20), 1);

        tracker.remove(List.of(P0));
        revoked.settleWrite();

        assertThat(revoked.isOwned()).isFalse();
        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.unsettled()).isEqualTo(1);
    }

    private static SinkRecord record(int partition, long offset) {
        return OutboxRecords.record("orders.events", partition, offset, "o-1", "OrderPlaced", Instant.parse("2026-11-25T10:00:00Z"), "{}");
    }
}
