package io.relaybox.testkit.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.outbox.kafka.CommitBarrier;

/**
 * The crash-test hook ({@code relaybox.testkit.pause-before-offset-commit}): while the trigger file exists, the consumer
 * stops after its database commit and before its offset commit, announces that by creating {@code <trigger>.paused}
 * (holding the offsets it is about to commit), and waits until the trigger is deleted; a test kills the process in
 * between. Stopping the application while paused ends the consumer without committing, as a crash would.
 */
public final class FileCommitBarrier implements CommitBarrier {

    private static final Logger LOG = LoggerFactory.getLogger(FileCommitBarrier.class);

    private final Path trigger;
    private final Path paused;
    private final Duration checkInterval;
    private volatile boolean released;

    /**
     * @param trigger the file whose existence pauses the consumer
     */
    public FileCommitBarrier(Path trigger) {
        this(trigger, Duration.ofMillis(20));
    }

    // visible for testing
    FileCommitBarrier(Path trigger, Duration checkInterval) {
        this.trigger = trigger.toAbsolutePath();
        this.paused = this.trigger.resolveSibling(this.trigger.getFileName() + ".paused");
        this.checkInterval = checkInterval;
    }

    @Override
    public void beforeOffsetCommit(Map<TopicPartition, OffsetAndMetadata> offsets) throws IOException,
            InterruptedException {
        if (!Files.exists(trigger)) {
            return;
        }
        Files.writeString(paused, offsets.toString());
        LOG.warn("Paused after the database commit, before committing offsets {}, until {} is deleted", offsets,
                trigger);
        try {
            while (Files.exists(trigger)) {
                if (released) {
                    throw new IllegalStateException("the application stopped while the consumer was paused before"
                            + " its offset commit; the offsets stay uncommitted");
                }
                Thread.sleep(checkInterval.toMillis());
            }
        } finally {
            Files.deleteIfExists(paused);
        }
        LOG.info("Resumed: committing offsets {}", offsets);
    }

    /** The file that announces a pause. */
    public Path pausedMarker() {
        return paused;
    }

    /** Ends a pause (and every later one) without committing: the application is stopping. */
    @Override
    public void release() {
        released = true;
    }
}
