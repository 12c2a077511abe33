package io.relaybox.outbox.kafka;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.inbox.InboxMetrics;

/**
 * Consumes Kafka topics through an {@link Inbox}, so that every record is applied exactly once to the consumer's
 * database:
 *
 * <pre>{@code
 * InboxConsumer consumer = InboxConsumer.builder()
 *         .inbox(inbox)                          // consumer name = group id
 *         .bootstrapServers("127.0.0.1:19092")
 *         .topics("orders.events")
 *         .build()
 *         .start();
 * ...
 * consumer.close();
 * }</pre>
 *
 * <ul>
 * <li><b>Offsets after the database.</b> Auto-commit is off; after each poll the consumer commits, synchronously, the
 * offsets of the records whose transaction committed, that were skipped as duplicates, or that were dead-lettered
 * (after the dead-letter topic acknowledged them). A crash in between makes Kafka deliver records again; the inbox
 * skips them.</li>
 * <li><b>Order.</b> One thread consumes; each partition's records (so each aggregate's events, keyed by aggregate id)
 * are applied one after the other. Scale out by running more instances in the same group.</li>
 * <li><b>Transient failures</b> (database down, deadlock, timeout): the partition is rewound to the failed record and
 * paused for an exponential backoff with jitter, then the same record is tried again, as often as it takes. Other
 * partitions keep flowing; nothing is skipped.</li>
 * <li><b>Permanent failures</b> (unreadable record or payload, unknown type or version, a handler's
 * {@code PermanentEventFailure}): the record goes to {@code <topic>.dlq} with its key, value and headers untouched and
 * the reason in {@link DeadLetterHeaders}; the partition keeps flowing. The later events of the same aggregate are
 * parked (sent to the dead-letter topic with the reason "parked behind &lt;event id&gt;") until the dead letter is
 * re-driven; re-driving the dead letter and then the parked events applies them in their original order.</li>
 * </ul>
 *
 * <p>Create one with {@link #builder()}; {@link #start()} runs it on its own (non-daemon) thread until
 * {@link #close()}. Methods are thread-safe.
 */
public final class InboxConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxConsumer.class);

    private final Inbox inbox;
    private final String groupId;
    private final PollLoop loop;
    private final Duration closeTimeout;
    private Thread thread;
    private boolean closed;

    InboxConsumer(Inbox inbox, String groupId, PollLoop loop, Duration closeTimeout) {
        this.inbox = inbox;
        this.groupId = groupId;
        this.loop = loop;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Starts configuring a consumer; the inbox, the bootstrap servers and the topics are required.
     *
     * @return a new builder
     */
    public static InboxConsumerBuilder builder() {
        return new InboxConsumerBuilder();
    }

    /**
     * Joins the group and starts consuming on a new thread named {@code relaybox-inbox-<group id>}.
     *
     * @return this consumer
     * @throws IllegalStateException when it was started or closed before
     */
    public synchronized InboxConsumer start() {
        if (thread != null || closed) {
            throw new IllegalStateException("the consumer of group " + groupId + " was started already");
        }
        thread = new Thread(loop, "relaybox-inbox-" + groupId);
        thread.start();
        return this;
    }

    /**
     * Stops consuming: finishes the record in hand, commits the offsets of what is done, leaves the group and closes
     * the clients; waits up to the close timeout for that. Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        if (running == null) {
            loop.closeUnstarted();
            return;
        }
        loop.stop();
        try {
            running.join(closeTimeout.plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warn("The consumer of group {} did not stop within {} s", groupId, closeTimeout.toSeconds());
        }
    }

    /**
     * Whether the consumer thread runs: false before {@link #start()}, after {@link #close()}, and after it stopped
     * on a failure (see {@link #failure()}).
     *
     * @return whether it consumes
     */
    public synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /**
     * Why the consumer thread stopped on its own: a fatal Kafka error, or an exception from the
     * {@link CommitBarrier}. Transient and permanent failures of single records never stop it.
     *
     * @return the failure, or empty while it runs or after a clean close
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(loop.failure());
    }

    /**
     * The partitions this instance consumes right now.
     *
     * @return an immutable snapshot; empty before the first assignment and after closing
     */
    public Set<TopicPartition> assignment() {
        return loop.assignment();
    }

    /**
     * The consumer group.
     *
     * @return the group id
     */
    public String groupId() {
        return groupId;
    }

    /**
     * The inbox's counters: applied, duplicates skipped, retried, dead-lettered, parked, released.
     *
     * @return a snapshot
     */
    public InboxMetrics metrics() {
        return inbox.metrics();
    }
}
