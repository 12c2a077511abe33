package io.relaybox.verification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class OccurredAtTest {

    private final Instant runStart = Instant.now();

    @Test
    void tellsAnEventThatOccurredBeforeTheTime() {
        assertThat(OccurredAt.before(runStart.minusSeconds(1).toString(), runStart)).isTrue();
        assertThat(OccurredAt.before(runStart.toString(), runStart)).isFalse();
        assertThat(OccurredAt.before(runStart.plusMillis(1).toString(), runStart)).isFalse();
    }

    @Test
    void readsAnOffsetAsDebeziumWritesIt() {
        String oneHourBefore = runStart.minusSeconds(3600).atOffset(java.time.ZoneOffset.ofHours(2)).toString();

        assertThat(OccurredAt.before(oneHourBefore, runStart)).isTrue();
    }

    @Test
    void neverCallsATimeItCannotReadEarlier() {
        assertThat(OccurredAt.before(null, runStart)).isFalse();
        assertThat(OccurredAt.before(" ", runStart)).isFalse();
        assertThat(OccurredAt.before("yesterday", runStart)).isFalse();
    }
}
