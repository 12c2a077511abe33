package io.relaybox.outbox.kafka;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, bounded: attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so that many consumers failing together do not retry in lockstep.
 */
final class RetryBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    RetryBackoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    Duration delay(int attempt) {
        long ceiling = initialMillis;
        for (int i = 1; i < attempt && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        long bounded = Math.min(maxMillis, ceiling);
        long half = bounded / 2;
        return Duration.ofMillis(half + random.nextLong(bounded - half + 1));
    }
}
