package io.relaybox.connect.elasticsearch;

import static io.relaybox.connect.elasticsearch.convert.OutboxRecords.order;
import static io.relaybox.connect.elasticsearch.convert.OutboxRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.elasticsearch.client.BulkClient;
import io.relaybox.connect.elasticsearch.client.DocumentWrite;
import io.relaybox.connect.elasticsearch.client.FakeCluster;
import io.relaybox.connect.elasticsearch.client.ItemResult;

class ElasticsearchSinkTaskTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders.events", 0);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final FakeCluster cluster = new FakeCluster();
    private ElasticsearchSinkTask task;
    private FakeSinkTaskContext context;

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void commitsOffsetsOnlyForRecordsElasticsearchAcknowledged() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BulkClient held = writes -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cluster.bulk(writes);
        };
        start(held, Map.of("flush.timeout.ms", "50"));

        task.put(List.of(placed(0, "o-1"), placed(1, "o-2")));
        assertThat(task.preCommit(Map.of())).isEmpty();

        release.countDown();
        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(2)));
        assertThat(cluster.documents).containsKeys("events-orders.events/e-o-1", "orders/o-1", "orders/o-2");
    }

    @Test
    void keepsTheNewestOrderStateWhenDuplicatesAndStaleEventsArriveLater() {
        start(cluster, Map.of());
        SinkRecord placed = record("orders.events", 0, 0, "o-1", "e-1", "OrderPlaced", T0, order("o-1", "PENDING", "2.50"));
        SinkRecord confirmed = record("orders.events", 0, 1, "o-1", "e-2", "OrderConfirmed", T0.plusSeconds(1), order("o-1", "CONFIRMED", "2.50"));
        SinkRecord resent = record("orders.events", 0, 2, "o-1", "e-1", "OrderPlaced", T0, order("o-1", "PENDING", "2.50"));
        SinkRecord stale = record("orders.events", 0, 3, "o-1", "e-0", "OrderPlaced", T0.minusSeconds(5), order("o-1", "PENDING", "2.50"));

        task.put(List.of(placed, confirmed));
        task.preCommit(Map.of());
        task.put(List.of(resent, stale));

        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(4)));
        assertThat(cluster.documents.get("orders/o-1").source()).contains("\"status\":\"CONFIRMED\"");
        assertThat(cluster.documents.keySet()).filteredOn(k -> k.startsWith("events-")).hasSize(3);
        assertThat(cluster.documents.get("events-orders.events/e-1").version()).isEqualTo(2);
    }

    @Test
    void sendsDocumentsElasticsearchRefusesToTheErrantRecordReporter() {
        cluster.withItemRule(refusing("e-bad"));
        start(cluster, Map.of("errors.tolerance", "all"));

        task.put(List.of(event(0, "e-ok"), event(1, "e-bad"), event(2, "e-ok2")));

        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(3)));
        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
        assertThat(context.reportedErrors.get(0)).hasMessageContaining("Elasticsearch refused the document events-orders.events/e-bad")
                .hasMessageContaining("orders.events-0@1 (event id e-bad)").hasMessageContaining("document_parsing_exception");
    }

    @Test
    void failsTheTaskNamingTheRecordWhenErrorsAreNotTolerated() {
        cluster.withItemRule(refusing("e-bad"));
        start(cluster, Map.of());

        task.put(List.of(event(0, "e-ok"), event(1, "e-bad")));
        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of());

        assertThat(committed).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(1)));
        assertThatThrownBy(() -> task.put(List.of())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("orders.events-0@1 (event id e-bad)")
                .hasMessageContaining("errors.tolerance=all");
        assertThat(context.reported).isEmpty();
    }

    @Test
    void reportsAMalformedPayloadAndCommitsPastIt() {
        start(cluster, Map.of("errors.tolerance", "all"));

        task.put(List.of(record("orders.events", 0, 0, "o-1", "e-1", "OrderPlaced", T0, "not json"), event(1, "e-2")));

        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(2)));
        assertThat(context.reportedErrors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("the payload is not JSON"));
    }

    @Test
    void skipsAMalformedPayloadWhenToldToIgnoreIt() {
        start(cluster, Map.of("behavior.on.malformed.payload", "ignore"));

        task.put(List.of(record("orders.events", 0, 0, "o-1", "e-1", "OrderPlaced", T0, "[]")));

        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(1)));
        assertThat(context.reported).isEmpty();
    }

    @Test
    void failsOnAMalformedPayloadWhenToldTo() {
        start(cluster, Map.of("behavior.on.malformed.payload", "fail", "errors.tolerance", "all"));

        assertThatThrownBy(() -> task.put(List.of(record("orders.events", 0, 7, "o-1", "e-1", "OrderPlaced", T0, "oops"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("orders.events-0@7 (event id e-1)")
                .hasMessageContaining("behavior.on.malformed.payload=fail");
    }

    @Test
    void stopsTakingRecordsWhileElasticsearchHoldsMaxBufferedRecords() {
        CountDownLatch release = new CountDownLatch(1);
        start(writes -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cluster.bulk(writes);
        }, Map.of("max.buffered.records", "2", "bulk.max.records", "1", "flush.timeout.ms", "100"));
        task.put(List.of(event(0, "e-0"), event(1, "e-1")));

        assertThatThrownBy(() -> task.put(List.of(event(2, "e-2")))).isInstanceOf(RetriableException.class)
                .hasMessageContaining("max.buffered.records=2");
        assertThat(context.timeout).isEqualTo(2);

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(task.preCommit(Map.of()))
                .isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(2))));
        task.put(List.of(event(2, "e-2")));
        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void retriesUnavailableElasticsearchWithoutLosingRecords() {
        cluster.failRequests(FakeCluster.transientFailure(503), FakeCluster.transientFailure(429), FakeCluster.transientFailure(503));
        start(cluster, Map.of());

        task.put(List.of(event(0, "e-0"), event(1, "e-1")));

        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(2)));
        assertThat(cluster.requests).hasSize(4);
    }

    @Test
    void failsTheTaskWhenElasticsearchRefusesTheCredentials() {
        cluster.failRequests(FakeCluster.permanentFailure(401));
        start(cluster, Map.of());
        task.put(List.of(event(0, "e-0")));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatThrownBy(() -> task.put(List.of()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("HTTP 401"));
        assertThat(task.preCommit(Map.of())).isEmpty();
    }

    private void start(BulkClient client, Map<String, String> settings) {
        Map<String, String> props = new HashMap<>(Map.of("connection.urls", "http://127.0.0.1:1", "linger.ms", "0",
                "retry.backoff.initial.ms", "1", "retry.backoff.max.ms", "2"));
        props.putAll(settings);
        context = new FakeSinkTaskContext(true);
        task = new ElasticsearchSinkTask(client);
        task.initialize(context);
        task.start(props);
    }

    private static java.util.function.Function<DocumentWrite, ItemResult> refusing(String id) {
        return write -> write.id().equals(id) ? new ItemResult(400, "document_parsing_exception", "failed to parse field [payload.total]") : null;
    }

    private static SinkRecord placed(long offset, String orderId) {
        return record("orders.events", 0, offset, orderId, "e-" + orderId, "OrderPlaced", T0, order(orderId, "PENDING", "1.00"));
    }

    private static SinkRecord event(long offset, String eventId) {
        return record("orders.events", 0, offset, "o-" + offset, eventId, "OrderNoted", T0, "{\"orderId\":\"o-" + offset + "\"}");
    }
}
