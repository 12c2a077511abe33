package io.relaybox.outbox.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A test hook: called on the consumer's thread after the records up to the given offsets were applied (their database
 * transactions committed) or dead-lettered, and before those offsets are committed to Kafka. This is the window in
 * which a crash makes Kafka deliver records again that the database already holds; fault-injection tests pause here
 * and kill the process ({@code kill -9}), then check that the redelivered records are skipped as duplicates.
 *
 * <p>In-process tests throw instead: an exception from the barrier stops the consumer at once, as a crash would. It
 * commits nothing more (neither these offsets nor on partition revocation), leaves the group and ends its thread;
 * {@link InboxConsumer#failure()} then holds the exception.
 *
 * <p>Without a barrier the consumer does not call anything here.
 */
@FunctionalInterface
public interface CommitBarrier {

    /**
     * Called before an offset commit; may block for as long as a test needs.
     *
     * @param offsets the offsets about to be committed: per partition, the offset of the next record to read
     * @throws Exception to stop the consumer without committing, as if it had crashed here
     */
    void beforeOffsetCommit(Map<TopicPartition, OffsetAndMetadata> offsets) throws Exception;

    /**
     * Called when the application that owns the consumer stops: a barrier that is blocking must stop blocking (and
     * should throw, so that nothing more is committed). Does nothing by default.
     */
    default void release() {
    }
}
