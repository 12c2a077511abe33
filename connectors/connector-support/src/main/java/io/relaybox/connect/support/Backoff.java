package io.relaybox.connect.support;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: before retry n the ceiling is {@code initial × 2^(n-1)}, capped at {@code max},
 * and the wait is drawn uniformly from [ceiling/2, ceiling] ("equal jitter"): never shorter than half the ceiling,
 * and retries of many tasks spread out instead of hitting a recovering service at the same moment.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With the jitter's source given: a fixed "random" in [0, 1] makes the waits exact. */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The ceiling before retry number {@code retry} (1 = the first retry). */
    public long ceilingMillis(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1: " + retry);
        }
        int doublings = Math.min(retry - 1, 62);
        long ceiling = initialMillis > (maxMillis >> doublings) ? maxMillis : initialMillis << doublings;
        return Math.min(ceiling, maxMillis);
    }

    /** How long to wait before retry number {@code retry} (1 = the first retry); whole milliseconds, rounded down. */
    public Duration delay(int retry) {
        long ceiling = ceilingMillis(retry);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
