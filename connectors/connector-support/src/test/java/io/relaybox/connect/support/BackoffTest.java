package io.relaybox.connect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesTheCeilingPerRetryUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 1.0);

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.delay(8)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void drawsTheWaitBetweenHalfTheCeilingAndTheCeiling() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);
        Backoff real = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

        assertThat(low.delay(4)).isEqualTo(Duration.ofMillis(400));
        for (int i = 0; i < 1_000; i++) {
            assertThat(real.delay(4).toMillis()).isBetween(400L, 800L);
        }
    }

    @Test
    void neverOverflowsOnLongOutages() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofHours(1), () -> 1.0);

        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsAMaximumBelowTheInitialWait() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
    }
}
