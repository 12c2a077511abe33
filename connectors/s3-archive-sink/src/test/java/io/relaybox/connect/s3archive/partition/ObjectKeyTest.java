package io.relaybox.connect.s3archive.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ObjectKeyTest {

    @Test
    void namesObjectsByTopicDatePartitionAndFirstOffset() {
        ObjectKey key = new ObjectKey("archive/v1", "orders.events", LocalDate.of(2026, 11, 25), 3, 42);

        assertThat(key.key()).isEqualTo(
                "archive/v1/orders.events/dt=2026-11-25/partition=3/orders.events+3+00000000000000000042.ndjson.gz");
        assertThat(new ObjectKey("", "t", LocalDate.of(2026, 1, 2), 0, 0).key())
                .isEqualTo("t/dt=2026-01-02/partition=0/t+0+00000000000000000000.ndjson.gz");
    }

    @Test
    void parsesTheKeysItWritesAndIgnoresOtherFiles() {
        ObjectKey key = new ObjectKey("archive", "payments.events", LocalDate.of(2026, 11, 25), 11, 9_876_543_210L);

        assertThat(ObjectKey.parse("archive", key.key())).contains(key);
        assertThat(ObjectKey.parse("other", key.key())).isEmpty();
        assertThat(ObjectKey.parse("archive", "archive/payments.events/dt=2026-11-25/partition=11/notes.txt")).isEmpty();
        assertThat(ObjectKey.parse("archive", "archive/a/dt=2026-11-25/partition=1/b+1+00000000000000000001.ndjson.gz")).isEmpty();
    }

    @Test
    void sortsKeysOfAPartitionByFirstOffset() {
        String a = new ObjectKey("", "t", LocalDate.of(2026, 1, 1), 0, 999).key();
        String b = new ObjectKey("", "t", LocalDate.of(2026, 1, 1), 0, 1000).key();

        assertThat(a).isLessThan(b);
    }
}
