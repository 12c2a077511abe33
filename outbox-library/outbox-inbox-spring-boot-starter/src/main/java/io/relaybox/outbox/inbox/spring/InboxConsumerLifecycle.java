package io.relaybox.outbox.inbox.spring;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import io.relaybox.outbox.kafka.CommitBarrier;
import io.relaybox.outbox.kafka.InboxConsumer;

/**
 * Starts the inbox consumer with the application (its {@code inbox} health is DOWN until then) and, on shutdown
 * (SIGTERM), closes it first: the record in hand is finished and its offset committed, then the web server drains.
 */
public final class InboxConsumerLifecycle implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(InboxConsumerLifecycle.class);

    private final InboxConsumer consumer;
    private final CommitBarrier barrier;
    private volatile boolean started;

    /**
     * @param consumer the consumer, built and validated, not started
     * @param barrier the crash-test hook the consumer calls, or null
     */
    InboxConsumerLifecycle(InboxConsumer consumer, CommitBarrier barrier) {
        this.consumer = consumer;
        this.barrier = barrier;
    }

    @Override
    public synchronized void start() {
        if (!started) {
            consumer.start();
            started = true;
            LOG.info("Consuming as group {}", consumer.groupId());
        }
    }

    @Override
    public synchronized void stop() {
        if (started) {
            close();
            started = false;
            LOG.info("Stopped consuming as group {}", consumer.groupId());
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Closes the clients of a consumer that never started (the application failed to start); idempotent. */
    @Override
    public void destroy() {
        close();
    }

    /** The consumer group the consumer joins (or joined). */
    public String groupId() {
        return consumer.groupId();
    }

    /** The consumer once started; empty before. */
    public Optional<InboxConsumer> consumer() {
        return started ? Optional.of(consumer) : Optional.empty();
    }

    private void close() {
        if (barrier != null) {
            barrier.release();
        }
        consumer.close();
    }
}
