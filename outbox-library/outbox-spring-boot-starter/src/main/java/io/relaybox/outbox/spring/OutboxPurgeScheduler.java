package io.relaybox.outbox.spring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import io.relaybox.outbox.OutboxPurger;

/** Runs the {@link OutboxPurger} at a fixed delay on its own daemon thread while the application runs. */
final class OutboxPurgeScheduler implements SmartLifecycle {

    private static final Log LOG = LogFactory.getLog(OutboxPurgeScheduler.class);
    private static final Duration MAX_INITIAL_DELAY = Duration.ofMinutes(1);

    private final OutboxPurger purger;
    private final Duration interval;
    private ScheduledExecutorService executor;

    OutboxPurgeScheduler(OutboxPurger purger, Duration interval) {
        this.purger = purger;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-purger");
            thread.setDaemon(true);
            return thread;
        });
        // soon after start as well, so that frequently restarted instances still purge
        long initialDelay = Math.min(interval.toMillis(), MAX_INITIAL_DELAY.toMillis());
        executor.scheduleWithFixedDelay(this::purge, initialDelay, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void purge() {
        try {
            long deleted = purger.purge();
            if (deleted > 0) {
                LOG.info("Purged " + deleted + " outbox rows past their retention");
            }
        } catch (RuntimeException e) {
            // the next run retries; a failure must not cancel the schedule
            LOG.warn("Outbox purge failed: " + e.getMessage(), e);
        }
    }
}
