package io.relaybox.connect.elasticsearch.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.elasticsearch.client.DocumentWrite;
import io.relaybox.connect.elasticsearch.client.FakeCluster;
import io.relaybox.connect.elasticsearch.client.ItemResult;
import io.relaybox.connect.elasticsearch.convert.OutboxRecords;
import io.relaybox.connect.elasticsearch.offset.OffsetTracker;
import io.relaybox.connect.elasticsearch.offset.TrackedRecord;
import io.relaybox.connect.support.Backoff;

class BulkWriterTest {

    private final FakeCluster cluster = new FakeCluster();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final OffsetTracker tracker = new OffsetTracker();
    private BulkWriter writer;

    @AfterEach
    void close() {
        writer.close();
    }

    @Test
    void sendsARequestWhenItHoldsMaxRecords() throws Exception {
        writer = writer(3, 1_000_000, Duration.ofHours(1));

        for (int i = 0; i < 7; i++) {
            add(i);
        }
        awaitOutcomes(2);

        assertThat(cluster.requests).containsExactly(3, 3);
        writer.send();
        awaitOutcomes(1);
        assertThat(cluster.requests).containsExactly(3, 3, 1);
    }

    @Test
    void sendsARequestBeforeItWouldExceedMaxBytes() throws Exception {
        writer = writer(1_000, 2 * (96 + "events-t".length() + 3 + 500) + 10, Duration.ofHours(1));

        for (int i = 0; i < 3; i++) {
            writer.add(write("e-" + i, 500), track(i));
        }
        awaitOutcomes(1);

        assertThat(cluster.requests).containsExactly(2);
    }

    @Test
    void sendsAPartlyFilledRequestAfterTheLingerTime() throws Exception {
        writer = writer(1_000, 1_000_000, Duration.ofMillis(100));
        add(0);

        writer.sendIfLingered();
        assertThat(writer.isIdle()).isFalse();
        assertThat(cluster.requests).isEmpty();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        writer.sendIfLingered();

        awaitOutcomes(1);
        assertThat(cluster.requests).containsExactly(1);
    }

    @Test
    void retriesFailedRequestsWithGrowingWaitsUntilTheyGoThrough() throws Exception {
        cluster.failRequests(FakeCluster.transientFailure(503), FakeCluster.transientFailure(429), FakeCluster.transientFailure(503));
        writer = writer(10, 1_000_000, Duration.ZERO);
        add(0);
        add(1);
        writer.send();

        List<BatchOutcome> outcomes = awaitOutcomes(1);

        assertThat(outcomes.get(0).acknowledged()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(cluster.documents).hasSize(2);
    }

    @Test
    void retriesOnlyTheDocumentsElasticsearchRejectedForNow() throws Exception {
        List<String> rejectedOnce = new ArrayList<>();
        cluster.withItemRule(write -> {
            if (write.id().equals("e-1") && !rejectedOnce.contains("e-1")) {
                rejectedOnce.add("e-1");
                return new ItemResult(429, "es_rejected_execution_exception", "write queue is full");
            }
            return null;
        });
        writer = writer(10, 1_000_000, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            add(i);
        }
        writer.send();

        List<BatchOutcome> outcomes = awaitOutcomes(1);

        assertThat(cluster.requests).containsExactly(3, 1);
        assertThat(outcomes.get(0).acknowledged()).extracting(e -> e.write().id()).containsExactlyInAnyOrder("e-0", "e-1", "e-2");
        assertThat(waits).hasSize(1);
    }

    @Test
    void reportsDocumentsElasticsearchRefusedForGood() throws Exception {
        cluster.withItemRule(write -> write.id().equals("e-1")
                ? new ItemResult(400, "document_parsing_exception", "failed to parse field [payload.total]") : null);
        writer = writer(10, 1_000_000, Duration.ZERO);
        add(0);
        add(1);
        writer.send();

        BatchOutcome outcome = awaitOutcomes(1).get(0);

        assertThat(outcome.acknowledged()).extracting(e -> e.write().id()).containsExactly("e-0");
        assertThat(outcome.rejected()).singleElement().satisfies(r -> {
            assertThat(r.entry().write().id()).isEqualTo("e-1");
            assertThat(r.result().errorType()).isEqualTo("document_parsing_exception");
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void stopsOnAFailureThatRetryingCannotFix() throws Exception {
        cluster.failRequests(FakeCluster.permanentFailure(401));
        writer = writer(10, 1_000_000, Duration.ZERO);
        add(0);
        writer.send();

        // the failure is recorded just before the request's thread counts itself out
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.failure().isPresent() && writer.inFlight() == 0);

        assertThat(writer.failure()).hasValueSatisfying(f -> assertThat(f.status()).hasValue(401));
        assertThat(writer.inFlight()).isZero();
        assertThat(writer.drain()).isEmpty();
    }

    private BulkWriter writer(int maxRecords, long maxBytes, Duration linger) {
        return new BulkWriter(cluster, new BulkSettings(maxRecords, maxBytes, linger, 2, Duration.ofMillis(100), Duration.ofSeconds(10)),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 1.0), waits::add, now::get);
    }

    private void add(int i) {
        writer.add(write("e-" + i, 10), track(i));
    }

    private TrackedRecord track(int offset) {
        return tracker.track(OutboxRecords.record("t", 0, offset, "k", "Noted", Instant.EPOCH, "{}"), 1);
    }

    private static DocumentWrite write(String id, int bytes) {
        return new DocumentWrite("events-t", id, OptionalLong.empty(), "x".repeat(bytes).getBytes(StandardCharsets.UTF_8));
    }

    private List<BatchOutcome> awaitOutcomes(int count) throws InterruptedException {
        List<BatchOutcome> outcomes = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (outcomes.size() < count && System.nanoTime() < deadline) {
            writer.poll(Duration.ofMillis(50)).ifPresent(outcomes::add);
        }
        assertThat(outcomes).as("bulk outcomes").hasSize(count);
        return outcomes;
    }
}
