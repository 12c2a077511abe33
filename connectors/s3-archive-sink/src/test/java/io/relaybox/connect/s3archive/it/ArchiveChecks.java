package io.relaybox.connect.s3archive.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.relaybox.connect.s3archive.replay.VerificationReport;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connectctl.ConnectorOffsets;

/** Waiting for and comparing archives. */
public final class ArchiveChecks {

    private ArchiveChecks() {
    }

    /** Waits until the archive holds {@code expected} records of the topic, then checks there are no gaps, overlaps or duplicates. */
    public static VerificationReport awaitComplete(ArchivePlatform platform, String prefix, String topic, int expected, Duration timeout) {
        VerificationReport[] last = {null};
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last[0] = platform.verify(prefix, topic);
            assertThat(last[0].records()).as(last[0].summary()).isEqualTo(expected);
        });
        assertThat(last[0].isClean()).as(last[0].summary()).isTrue();
        assertThat(last[0].partitions().values()).allSatisfy(p -> assertThat(p.firstOffset()).isZero());
        return last[0];
    }

    /** The sink connector's committed offsets by partition (the Connect offsets API). */
    public static Map<Integer, Long> committedOffsets(ArchivePlatform platform, String connector) {
        Map<Integer, Long> result = new HashMap<>();
        for (ConnectorOffsets.Entry e : platform.client().offsets(connector).offsets()) {
            result.put(((Number) e.partition().get("kafka_partition")).intValue(), ((Number) e.offset().get("kafka_offset")).longValue());
        }
        return result;
    }

    /** Every object under the prefix: key relative to the prefix → bytes. */
    public static Map<String, byte[]> objects(ObjectStore store, String prefix) {
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (ObjectStore.StoredObject o : store.list(prefix + "/")) {
            try (InputStream in = store.get(o.key())) {
                result.put(o.key().substring(prefix.length() + 1), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    public static void assertSameObjects(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, bytes) -> assertThat(actual.get(key)).as("bytes of %s", key).isEqualTo(bytes));
    }
}
