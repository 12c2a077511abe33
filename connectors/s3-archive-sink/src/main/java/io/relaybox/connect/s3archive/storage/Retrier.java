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
import io.relaybox.connect.support.WriteMetrics;

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
    private final WriteMetrics metrics;
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

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
        this(initial, max, budget, nanoClock, sleeper, random, WriteMetrics.none());
    }

    private Retrier(Duration initial, Duration max, Duration budget, LongSupplier nanoClock, Sleeper sleeper, DoubleSupplier random,
            WriteMetrics metrics) {
        this.metrics = metrics;
        this.initial = initial;
        this.max = max;
        this.random = random;
        long initialMs = Math.max(1, initial.toMillis());
        this.backoff = new Backoff(Duration.ofMillis(initialMs), Duration.ofMillis(Math.max(initialMs, max.toMillis())), random);
        this.budgetMs = budget.toMillis();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** The same retrier, counting each call's time and retries in the task's metrics. */
    public Retrier withMetrics(WriteMetrics taskMetrics) {
        return new Retrier(initial, max, Duration.ofMillis(budgetMs), nanoClock, sleeper, random, taskMetrics);
    }

    /** The task's metrics this retrier counts in (none unless {@link #withMetrics}). */
    public WriteMetrics metrics() {
        return metrics;
    }

    /** Runs the call; {@code what} names it in messages, e.g. {@code PUT s3://bucket/key}. */
    public <T> T call(String what, Supplier<T> call) {
        long start = nanoClock.getAsLong();
        int attempt = 0;
        while (true) {
            attempt++;
            long sent = nanoClock.getAsLong();
            try {
                T result = call.get();
                metrics.requestTook((nanoClock.getAsLong() - sent) / 1_000_000);
                return result;
            } catch (RuntimeException e) {
                metrics.requestTook((nanoClock.getAsLong() - sent) / 1_000_000);
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
                metrics.retried();
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
