package io.relaybox.verification.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a condition in main code, where Awaitility is a test library. */
final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Polling() {
    }

    /**
     * Polls until the condition holds; a condition that throws counts as not holding yet.
     *
     * @throws IllegalStateException naming what was awaited, when the timeout passes first
     */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not happen within " + timeout.toSeconds() + " s"
                        + (last == null ? "" : " (last: " + last.getMessage() + ")"));
            }
            sleepUntil(Instant.now().plus(INTERVAL));
        }
    }

    /** Sleeps until the moment (a schedule's time, not a condition). */
    static void sleepUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
