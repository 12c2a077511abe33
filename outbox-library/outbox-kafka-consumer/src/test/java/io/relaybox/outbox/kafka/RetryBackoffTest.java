package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesTheDelayWithEachAttemptWithinJitterBounds() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), new SplittableRandom(7));

        for (int attempt = 1; attempt <= 5; attempt++) {
            long ceiling = 100L << (attempt - 1);
            assertThat(backoff.delay(attempt).toMillis()).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void neverWaitsLongerThanTheMaximumHoweverManyAttempts() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), new SplittableRandom(1));

        assertThat(backoff.delay(1_000).toMillis()).isBetween(15_000L, 30_000L);
        assertThat(backoff.delay(Integer.MAX_VALUE).toMillis()).isBetween(15_000L, 30_000L);
    }

    @Test
    void spansHalfToAllOfTheCeiling() {
        RetryBackoff lowest = new RetryBackoff(Duration.ofMillis(400), Duration.ofSeconds(1), fixed(0));
        RetryBackoff highest = new RetryBackoff(Duration.ofMillis(400), Duration.ofSeconds(1), fixed(Long.MAX_VALUE));

        assertThat(lowest.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(highest.delay(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(highest.delay(3)).isEqualTo(Duration.ofSeconds(1));
    }

    /** A generator whose bounded longs are as low (0) or as high (bound - 1) as possible. */
    private static RandomGenerator fixed(long choice) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return choice;
            }

            @Override
            public long nextLong(long bound) {
                return choice == 0 ? 0 : bound - 1;
            }
        };
    }
}
