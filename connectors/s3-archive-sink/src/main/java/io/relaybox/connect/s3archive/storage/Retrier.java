package io.relaybox.connect.s3archive.storage;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.connect.support.Backoff;
import io.relaybox.connect.support.Sleeper;

/**
 * Runs an object-store call, retrying transient failures with exponential backoff and jitter until a time budget is
 * spent; then it gives up with a transient {@link StorageException} (the sink hands that to Connect, which retries the
 * batch later: nothing is dropped). Permanent failures end at once.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final Backoff backoff;
    private final long budgetMs;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    /**
     * @param initial the first backoff
     * @param max the longest backoff
     * @param budget how long one call may be retried before giving up (at least one attempt is made)
     */
    public Retrier(Duration initial, Duration max, Duration budget) {
        this(initial, max, budget, System::nanoTime, Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    // visible for testing: time, sleep and jitter injected
    Retrier(Duration initial, Duration max, Duration budget, LongSupplier nanoClock, Sleeper sleeper, DoubleSupplier random) {
        long initialMs = Math.max(1, initial.toMillis());
        this.backoff = new Backoff(Duration.ofMillis(initialMs), Duration.ofMillis(Math.max(initialMs, max.toMillis())), random);
        this.budgetMs = budget.toMillis();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Runs the call; {@code what} names it in messages, e.g. {@code PUT s3://bucket/key}. */
    public <T> T call(String what, Supplier<T> call) {
        long start = nanoClock.getAsLong();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw new StorageException(what + " failed: " + Failures.describe(e), false, e);
                }
                long elapsedMs = (nanoClock.getAsLong() - start) / 1_000_000;
                long delay = backoff(attempt);
                if (elapsedMs + delay > budgetMs) {
                    throw new StorageException(what + " failed " + attempt + " times in " + elapsedMs + " ms: " + Failures.describe(e), true,
                            e);
                }
                LOG.warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempt, delay, Failures.describe(e));
                try {
                    sleeper.sleep(Duration.ofMillis(delay));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StorageException(what + " interrupted while backing off", true, e);
                }
            }
        }
    }

    /** Runs a call without result. */
    public void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    /** The wait in milliseconds before retrying after attempt number {@code attempt} (see {@link Backoff}). */
    long backoff(int attempt) {
        return backoff.delay(attempt).toMillis();
    }
}
