package io.relaybox.connect.s3archive.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RotationPolicyTest {

    private static final long T0 = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
    private final RotationPolicy policy = RotationPolicy.of(3, 1_000, 60_000);

    @Test
    void rotatesObjectWhenRecordCountReached() {
        assertThat(policy.isFull(new ObjectStats(2, 10, T0))).isFalse();
        assertThat(policy.isFull(new ObjectStats(3, 10, T0))).isTrue();
    }

    @Test
    void rotatesObjectWhenUncompressedBytesReached() {
        assertThat(policy.isFull(new ObjectStats(1, 999, T0))).isFalse();
        assertThat(policy.isFull(new ObjectStats(1, 1_000, T0))).isTrue();
    }

    @Test
    void startsNewObjectWhenRecordTimeLeavesTheInterval() {
        ObjectStats open = new ObjectStats(1, 10, T0);

        assertThat(policy.startsNewObject(open, T0 + 59_999)).isFalse();
        assertThat(policy.startsNewObject(open, T0 + 60_000)).isTrue();
        // an earlier record (another aggregate's transaction) stays: only record time counts, never the wall clock
        assertThat(policy.startsNewObject(open, T0 - 5_000)).isFalse();
    }

    @Test
    void startsNewObjectWhenTheUtcDateChanges() {
        long beforeMidnight = Instant.parse("2026-11-25T23:59:59.999Z").toEpochMilli();
        RotationPolicy noInterval = RotationPolicy.of(1_000, 1_000_000, 0);

        assertThat(noInterval.startsNewObject(new ObjectStats(1, 10, beforeMidnight), beforeMidnight + 1)).isTrue();
        assertThat(noInterval.startsNewObject(new ObjectStats(1, 10, T0), T0 + 10 * 3_600_000L)).isFalse();
    }
}
