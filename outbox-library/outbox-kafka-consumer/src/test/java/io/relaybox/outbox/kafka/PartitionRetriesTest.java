package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionRetriesTest {

    private static final TopicPartition P0 = new TopicPartition("orders.events", 0);
    private static final TopicPartition P1 = new TopicPartition("orders.events", 1);

    private final AtomicLong now = new AtomicLong();
    private final PartitionRetries retries = new PartitionRetries(
            new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom(3)), now::get);

    @Test
    void makesAFailedPartitionDueOnlyAfterItsBackoff() {
        Duration delay = retries.failed(P0);

        assertThat(retries.isPaused(P0)).isTrue();
        assertThat(retries.due()).isEmpty();
        now.addAndGet(delay.toNanos());
        assertThat(retries.due()).containsExactly(P0);
        assertThat(retries.isPaused(P0)).isFalse();
    }

    @Test
    void countsFailuresInARowUntilASuccess() {
        retries.failed(P0);
        retries.failed(P0);

        assertThat(retries.attempts(P0)).isEqualTo(2);
        retries.succeeded(P0);
        assertThat(retries.attempts(P0)).isZero();
    }

    @Test
    void growsTheBackoffWithEachFailureInARow() {
        Duration first = retries.failed(P0);
        retries.due();
        retries.failed(P0);
        Duration third = retries.failed(P0);

        assertThat(third).isGreaterThan(first);
    }

    @Test
    void waitsForTheNextDuePartitionAtMostThePollTimeout() {
        assertThat(retries.untilNextDue(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));

        Duration delay = retries.failed(P1);
        assertThat(retries.untilNextDue(Duration.ofSeconds(1))).isEqualTo(delay);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(retries.untilNextDue(Duration.ofSeconds(1))).isZero();
    }

    @Test
    void forgetsRevokedPartitions() {
        retries.failed(P0);
        retries.failed(P1);

        retries.forget(List.of(P0));

        assertThat(retries.isPaused(P0)).isFalse();
        assertThat(retries.attempts(P0)).isZero();
        assertThat(retries.isPaused(P1)).isTrue();
    }
}
