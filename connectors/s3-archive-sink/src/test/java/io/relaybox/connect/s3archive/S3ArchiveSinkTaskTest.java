package io.relaybox.connect.s3archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.s3archive.storage.InMemoryObjectStore;

class S3ArchiveSinkTaskTest {

    private static final TopicPartition P0 = new TopicPartition("orders.events", 0);
    private static final TopicPartition P1 = new TopicPartition("orders.events", 1);

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final Context context = new Context();
    private final S3ArchiveSinkTask task = new S3ArchiveSinkTask(settings -> store);

    private void start() {
        Map<String, String> props = S3ArchiveSinkConnectorConfigTest.valid();
        props.put("rotate.records", "100");
        props.put("open.object.upload.ms", "0");
        props.put("retry.timeout.ms", "0"); // one attempt per call: no backoff sleeps in a unit test
        props.put("retry.backoff.max.ms", "750");
        task.initialize(context);
        task.start(props);
        task.open(List.of(P0, P1));
    }

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void commitsPerPartitionOnlyTheOffsetsOfUploadedObjects() {
        start();
        List<SinkRecord> records = new ArrayList<>(records(P0, 0, 250));
        records.addAll(records(P1, 0, 80));

        task.put(records);
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(250),
                P1, new OffsetAndMetadata(80)));

        assertThat(committable).containsOnly(Map.entry(P0, new OffsetAndMetadata(200)));
        assertThat(store.objects()).hasSize(2);
    }

    @Test
    void handsTransientFailuresBackToConnectAsRetriableAndTakesTheSameRecordsAgain() {
        start();
        task.put(records(P0, 0, 50));
        List<SinkRecord> records = records(P0, 50, 120);
        store.failNext(1_000); // S3 refuses the upload of the object 0..99, and keeps refusing

        assertThatThrownBy(() -> task.put(records)).isInstanceOf(RetriableException.class)
                .hasMessageContaining("HTTP 503 SlowDown").hasMessageContaining("Connect delivers the records again");
        assertThat(context.timeout).isEqualTo(750);
        assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(120)))).as("nothing is acknowledged").isEmpty();

        store.failNext(0);
        task.put(records);

        assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(120)))).containsOnly(Map.entry(P0, new OffsetAndMetadata(100)));
        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void failsWithAClearMessageWhenTheBucketDoesNotExist() {
        store.bucketExists(false);

        assertThatThrownBy(this::start).isInstanceOf(ConnectException.class)
                .hasMessage("bucket relaybox-archive does not exist (create it, or set s3.bucket.create=true)");
    }

    private static List<SinkRecord> records(TopicPartition tp, long from, long to) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            ConnectHeaders headers = new ConnectHeaders();
            headers.addBytes("id", ("event-" + tp.partition() + "-" + offset).getBytes(StandardCharsets.UTF_8));
            headers.addBytes("occurredat", "2026-11-25T10:00:00Z".getBytes(StandardCharsets.UTF_8));
            records.add(new SinkRecord(tp.topic(), tp.partition(), null, "k".getBytes(StandardCharsets.UTF_8), null,
                    ("{\"n\":" + offset + "}").getBytes(StandardCharsets.UTF_8), offset, 1_764_064_800_000L, TimestampType.CREATE_TIME,
                    headers));
        }
        return records;
    }

    /** What the task asks of Connect: rewinds and backoff. */
    static final class Context implements SinkTaskContext {

        final Map<TopicPartition, Long> rewinds = new HashMap<>();
        long timeout = -1;

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            rewinds.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            rewinds.put(tp, offset);
        }

        @Override
        public void timeout(long timeoutMs) {
            timeout = timeoutMs;
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(P0, P1);
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
