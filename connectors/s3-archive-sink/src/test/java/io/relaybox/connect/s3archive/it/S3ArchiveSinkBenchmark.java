package io.relaybox.connect.s3archive.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connect.s3archive.format.NdjsonFormat;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.testkit.KafkaExtension;

/**
 * A benchmark, not a test: prints how many events per second the sink archives and commits from a backlog, with one task
 * and with one task per partition, and the archive's bytes per event. It asserts nothing about time. Run it with
 * {@code mvn -B -Pbench -DskipTests verify -pl connectors/s3-archive-sink -am}; {@code -Dbench.events=N} (default
 * 240,000, spread evenly over 6 partitions) sets the backlog. The events look like the monolith's {@code OrderPlaced}
 * (random UUIDs, 1-3 order lines, W3C trace context), so that the compression figure means something. The sink writes
 * straight to the S3 server (no fault proxy) with the platform connector file's settings (10,000 records per object,
 * gzip level 6); a warm-up run on a smaller topic comes first, so that neither figure pays for the worker's JIT.
 */
@ExtendWith({KafkaExtension.class, ArchivePlatformExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3ArchiveSinkBenchmark {

    private static final int PARTITIONS = 6;
    private static final int ROTATE = 10_000;
    private static final int EVENTS = Integer.getInteger("bench.events", PARTITIONS * ROTATE * 4);
    private static final String TOPIC = "archive-bench";
    private static final String WARM_UP_TOPIC = "archive-bench-warm-up";
    static ArchivePlatform platform;

    @BeforeAll
    static void backlog(ArchivePlatform shared) {
        platform = shared;
        produce(WARM_UP_TOPIC, PARTITIONS * ROTATE);
        produce(TOPIC, EVENTS);
        measure("bench-warm-up", WARM_UP_TOPIC, PARTITIONS * ROTATE, PARTITIONS, false);
    }

    @Test
    @Order(1)
    void oneTask() {
        measure("bench-1", TOPIC, EVENTS, 1, true);
    }

    @Test
    @Order(2)
    void oneTaskPerPartition() {
        measure("bench-" + PARTITIONS, TOPIC, EVENTS, PARTITIONS, true);
    }

    private static void produce(String topic, int events) {
        platform.createTopic(topic, PARTITIONS);
        Random random = new Random(42);
        try (KafkaProducer<byte[], byte[]> producer = platform.producer()) {
            // the same count in every partition
            ArchivePlatform.send(producer, 0, events, i -> orderPlaced(topic, i, i % PARTITIONS, random));
        }
    }

    private static void measure(String name, String topic, int events, int tasks, boolean print) {
        ConnectorDefinition connector = platform.connector(name, topic, name, Map.of("tasks.max", Integer.toString(tasks),
                "rotate.records", Integer.toString(ROTATE), "open.object.upload.ms", "60000", "s3.endpoint.url", platform.s3().endpoint()));
        platform.client().putConfig(connector);
        platform.client().awaitRunning(name, Duration.ofSeconds(120));
        long start = System.nanoTime();
        long expected = (long) events / PARTITIONS / ROTATE * ROTATE * PARTITIONS; // complete objects only are committed
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> ArchiveChecks.committedOffsets(platform, name).values().stream().mapToLong(Long::longValue).sum() >= expected);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ObjectStore.StoredObject> objects = platform.store().list(name + "/");
        long bytes = objects.stream().mapToLong(ObjectStore.StoredObject::size).sum();
        long ndjson = platform.archive(name).objects(topic).stream().mapToLong(o -> platform.archive(name).read(o).stream()
                .mapToLong(r -> NdjsonFormat.encode(r).length).sum()).sum();
        platform.client().delete(name);
        if (print) {
            System.out.printf("BENCH s3-archive-sink tasks=%d partitions=%d events=%d seconds=%.1f events_per_second=%.0f objects=%d "
                    + "archive_bytes=%d bytes_per_event=%.1f ndjson_bytes_per_event=%.1f (from task RUNNING to every object's "
                    + "offsets committed; offsets are committed every 1 s and polled every 200 ms)%n", tasks, PARTITIONS, expected,
                    seconds, expected / seconds, objects.size(), bytes, (double) bytes / expected, (double) ndjson / expected);
        }
    }

    /** An event shaped like the monolith's OrderPlaced: random ids, 1-3 lines, a trace context. */
    private static ProducerRecord<byte[], byte[]> orderPlaced(String topic, int i, int partition, Random random) {
        Instant occurredAt = ArchivePlatform.EPOCH.plusNanos(1_000L * (i * 2_000L + random.nextInt(2_000)));
        UUID orderId = uuidV7(occurredAt, random);
        StringBuilder lines = new StringBuilder();
        long total = 0;
        for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
            int quantity = 1 + random.nextInt(5);
            int unitCents = 50 + random.nextInt(5_000);
            total += (long) quantity * unitCents;
            lines.append(l == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1_000 + random.nextInt(500)).append("\",\"quantity\":")
                    .append(quantity).append(",\"unitPrice\":").append(money(unitCents)).append(",\"lineTotal\":")
                    .append(money((long) quantity * unitCents)).append('}');
        }
        String payload = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-" + random.nextInt(10_000) + "\",\"currency\":\"EUR\","
                + "\"status\":\"PENDING\",\"lines\":[" + lines + "],\"total\":" + money(total) + ",\"placedAt\":\"" + occurredAt + "\"}";
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", ArchivePlatform.bytes(uuidV7(occurredAt, random).toString()));
        headers.add("type", ArchivePlatform.bytes("OrderPlaced"));
        headers.add("schemaversion", ArchivePlatform.bytes("1"));
        headers.add("occurredat", ArchivePlatform.bytes(occurredAt.toString()));
        headers.add("traceparent", ArchivePlatform.bytes(String.format("00-%016x%016x-%016x-01", random.nextLong(), random.nextLong(),
                random.nextLong())));
        headers.add("headers", null);
        return new ProducerRecord<>(topic, partition, occurredAt.toEpochMilli(), ArchivePlatform.bytes(orderId.toString()),
                ArchivePlatform.bytes(payload), headers);
    }

    private static UUID uuidV7(Instant time, Random random) {
        long msb = time.toEpochMilli() << 16 | 0x7000L | random.nextInt(0x1000);
        long lsb = random.nextLong() & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
