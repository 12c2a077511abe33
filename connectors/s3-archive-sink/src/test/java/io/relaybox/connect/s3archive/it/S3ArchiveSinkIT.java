package io.relaybox.connect.s3archive.it;

import static io.relaybox.connect.s3archive.it.ArchiveChecks.assertSameObjects;
import static io.relaybox.connect.s3archive.it.ArchiveChecks.awaitComplete;
import static io.relaybox.connect.s3archive.it.ArchiveChecks.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connect.s3archive.S3ArchiveSinkConnector;
import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.replay.ArchiveObject;
import io.relaybox.connect.s3archive.replay.VerificationReport;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorOffsets;
import io.relaybox.connectctl.ConnectorValidation;
import io.relaybox.connectctl.PluginInfo;
import io.relaybox.testkit.KafkaExtension;

@ExtendWith({KafkaExtension.class, ArchivePlatformExtension.class})
class S3ArchiveSinkIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    static ArchivePlatform platform;
    private final List<String> connectors = new ArrayList<>();

    @BeforeAll
    static void useSharedPlatform(ArchivePlatform shared) {
        platform = shared;
    }

    @AfterEach
    void deleteConnectors() {
        connectors.forEach(platform.client()::delete);
    }

    @Test
    void findsThePluginThroughServiceLoading() {
        assertThat(platform.client().plugins(false)).filteredOn(p -> p.className().equals(S3ArchiveSinkConnector.class.getName()))
                .singleElement().extracting(PluginInfo::type, PluginInfo::version).containsExactly("sink", "0.1.0-SNAPSHOT");
    }

    @Test
    void rejectsInvalidSettingsWithAMessagePerField() {
        ConnectorDefinition bad = platform.connector("bad", "t", "p", Map.of("rotate.records", "0", "s3.part.size", "1",
                "s3.bucket.name", "Not_A_Bucket"));
        ConnectorDefinition missingBucket = platform.connector("missing", "t", "p", Map.of("s3.bucket.name", "no-such-bucket"));
        ConnectorDefinition wrongSecret = platform.connector("secret", "t", "p", Map.of("aws.secret.access.key", "wrong"));

        assertThat(platform.client().validate(bad).errors()).extracting(ConnectorValidation.FieldError::key)
                .containsExactlyInAnyOrder("rotate.records", "s3.part.size", "s3.bucket.name");
        assertThat(platform.client().validate(missingBucket).errors()).singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("s3.bucket.name"))
                .satisfies(e -> assertThat(e.message()).contains("bucket no-such-bucket does not exist"));
        assertThat(platform.client().validate(wrongSecret).errors()).singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("aws.access.key.id"))
                .satisfies(e -> assertThat(e.message()).contains("was denied").doesNotContain("wrong"));
    }

    @Test
    void archivesEveryEventOnceWithoutGapsAndCommitsOnlyUploadedObjects() {
        String topic = "archive-once";
        int n = 1_000;
        platform.createTopic(topic);
        try (KafkaProducer<byte[], byte[]> producer = platform.producer()) {
            platform.produce(topic, 0, n, producer);
        }

        deploy(platform.connector("archive-once", topic, "once", Map.of()));

        VerificationReport report = awaitComplete(platform, "once", topic, n, TIMEOUT);
        assertThat(report.duplicates()).isEmpty();
        assertThat(report.recordsWithoutEventId()).isZero();
        assertThat(platform.archive("once").objects(topic)).allSatisfy(o -> assertThat(o.key().key())
                .matches("once/archive-once/dt=" + ArchivePlatform.recordDate() + "/partition=[0-2]/archive-once\\+[0-2]\\+\\d{20}\\.ndjson\\.gz"));
        // committed: the end of the last complete object of each partition (multiples of rotate.records), never the open tail
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(offsets("archive-once")).hasSize(3).allSatisfy((p, offset) -> {
            assertThat(offset % 100).isZero();
            assertThat(offset).isEqualTo(report.partitions().get(p).records() / 100 * 100);
        }));
    }

    @Test
    void rewritesByteIdenticalObjectsAfterOffsetsAreResetOrMovedBack() {
        String topic = "archive-reset";
        int n = 600;
        platform.createTopic(topic);
        try (KafkaProducer<byte[], byte[]> producer = platform.producer()) {
            platform.produce(topic, 0, n, producer);
        }
        deploy(platform.connector("archive-reset", topic, "reset", Map.of()));
        awaitComplete(platform, "reset", topic, n, TIMEOUT);
        Map<String, byte[]> original = objects(platform.store(), "reset");
        Map<Integer, Long> committed = awaitCommitted("archive-reset");

        // KIP-875: stop, delete the offsets (the sink starts again from the beginning), resume
        Map<String, Integer> writesBefore = writes("reset", original);
        platform.client().stop("archive-reset");
        platform.client().awaitState("archive-reset", io.relaybox.connectctl.TargetState.STOPPED, TIMEOUT);
        platform.client().resetOffsets("archive-reset");
        platform.client().resume("archive-reset");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(writes("reset", original))
                .allSatisfy((key, writes) -> assertThat(writes).as(key).isGreaterThan(writesBefore.get(key))));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(offsets("archive-reset")).isEqualTo(committed));
        assertSameObjects(objects(platform.store(), "reset"), original);

        // move partition 0 back into the middle of its second object: the task rewinds to the object's start
        Map<String, Integer> writesBeforePatch = writes("reset", original);
        platform.client().stop("archive-reset");
        platform.client().awaitState("archive-reset", io.relaybox.connectctl.TargetState.STOPPED, TIMEOUT);
        platform.client().alterOffsets("archive-reset", new ConnectorOffsets(List.of(new ConnectorOffsets.Entry(
                Map.of("kafka_topic", topic, "kafka_partition", 0), Map.of("kafka_offset", 150)))));
        platform.client().resume("archive-reset");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(writes("reset", original)).allSatisfy((key, writes) -> {
            if (rewrittenAfterPatch(key)) {
                assertThat(writes).as(key).isGreaterThan(writesBeforePatch.get(key));
            } else if (!isTail(key, original)) {
                // complete objects before the new offset, and of the other partitions, are left alone
                assertThat(writes).as(key).isEqualTo(writesBeforePatch.get(key));
            }
            // the other partitions' open tails are uploaded again when their task restarts: identical bytes
        }));
        // Connect books a rewind as committed without committing it, so partition 0 keeps 150 until its next object is
        // complete; a restart before that finds 150 inside the object at 100 again and rewinds the same way
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(offsets("archive-reset"))
                .containsEntry(1, committed.get(1)).containsEntry(2, committed.get(2))
                .hasEntrySatisfying(0, offset -> assertThat(offset).isBetween(committed.get(0), 150L)));
        assertSameObjects(objects(platform.store(), "reset"), original);
        awaitComplete(platform, "reset", topic, n, TIMEOUT);
    }

    @Test
    void streamsLargeObjectsAsMultipartUploadsAndArchivesThemWhole() {
        String topic = "archive-large";
        int n = 8_000;
        platform.createTopic(topic, 1);
        try (KafkaProducer<byte[], byte[]> producer = platform.producer()) {
            // ~1 KB of random base64 per event: about 8 MB compressed
            ArchivePlatform.send(producer, 0, n, i -> ArchivePlatform.event(topic, i, 0, 1_000));
        }

        // one object of all n records; parts of the minimum size, 5 MiB
        deploy(platform.connector("archive-large", topic, "large", Map.of("tasks.max", "1", "rotate.records", Integer.toString(n),
                "s3.part.size", Integer.toString(5 * 1024 * 1024), "open.object.upload.ms", "0")));

        awaitComplete(platform, "large", topic, n, TIMEOUT);
        ArchiveObject object = platform.archive("large").objects(topic).get(0);
        assertThat(platform.archive("large").objects(topic)).hasSize(1);
        assertThat(object.size()).isGreaterThan(5L * 1024 * 1024);
        String path = "/" + ArchivePlatform.BUCKET + "/" + object.key().key();
        assertThat(platform.proxy().parts(path)).as("parts uploaded").isGreaterThanOrEqualTo(2);
        assertThat(platform.proxy().writes(path)).as("multipart uploads completed").isEqualTo(1);
        List<ArchivedRecord> archived = platform.archive("large").read(object);
        List<ConsumerRecord<byte[], byte[]>> original = platform.readAll(topic, 1, n).get(0);
        assertThat(archived).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(archived.get(i).value()).as("payload of offset %d", i).isEqualTo(original.get(i).value());
            assertThat(archived.get(i).eventId()).hasValue(new String(original.get(i).headers().lastHeader("id").value(),
                    StandardCharsets.UTF_8));
        }
    }

    private boolean rewrittenAfterPatch(String key) {
        // partition 0, objects from offset 100 on
        return key.contains("/partition=0/") && Long.parseLong(key.substring(key.lastIndexOf('+') + 1, key.indexOf(".ndjson"))) >= 100;
    }

    /** The partition's last object: still open, uploaded as it stood. */
    private static boolean isTail(String key, Map<String, byte[]> objects) {
        String partition = key.substring(0, key.lastIndexOf('/'));
        return objects.keySet().stream().filter(k -> k.startsWith(partition + "/")).max(String::compareTo).orElseThrow().equals(key);
    }

    private Map<String, Integer> writes(String prefix, Map<String, byte[]> objects) {
        Map<String, Integer> writes = new HashMap<>();
        objects.keySet().forEach(k -> writes.put(k, platform.proxy().writes("/" + ArchivePlatform.BUCKET + "/" + prefix + "/" + k)));
        return writes;
    }

    private Map<Integer, Long> awaitCommitted(String connector) {
        await().atMost(TIMEOUT).until(() -> offsets(connector).size() == ArchivePlatform.PARTITIONS);
        return offsets(connector);
    }

    private static Map<Integer, Long> offsets(String connector) {
        return ArchiveChecks.committedOffsets(platform, connector);
    }

    private void deploy(ConnectorDefinition connector) {
        connectors.add(connector.name());
        platform.client().putConfig(connector);
        platform.client().awaitRunning(connector.name(), TIMEOUT);
    }
}
