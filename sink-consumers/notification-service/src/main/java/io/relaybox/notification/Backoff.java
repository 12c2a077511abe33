package io.relaybox.notification;

import java.time.Duration;

/**
 * How long a failed e-mail waits before its next attempt: the initial wait, doubled with each further failure, never
 * more than the maximum.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 */
record Backoff(Duration initial, Duration max) {

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " and " + max);
        }
    }

    /**
     * The wait after a failure.
     *
     * @param failures how many attempts have failed so far, at least 1
     */
    Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        Duration wait = initial;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
