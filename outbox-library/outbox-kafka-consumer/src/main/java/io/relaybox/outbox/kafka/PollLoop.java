package io.relaybox.outbox.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread: polls, hands each partition's records to the {@link RecordProcessor} in order (in batches of
 * one transaction each when {@code maxBatch} allows, one by one when a batch is rolled back), commits the
 * offsets of what is done after every poll, and pauses a partition (seeking back to the failed record) while it waits
 * to retry a transient failure. Offsets are committed only for records whose transaction committed, or that were
 * skipped or dead-lettered.
 */
final class PollLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

    /** The commit barrier threw: stop as a crash would. */
    private static final class Crash extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Crash(Exception cause) {
            super(cause);
        }
    }

    private final Consumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final RecordProcessor processor;
    private final PartitionRetries retries;
    private final CommitBarrier barrier;
    private final int maxBatch;
    private final Duration pollTimeout;
    private final Duration closeTimeout;
    private final AutoCloseable resources;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private volatile boolean closing;
    private volatile boolean crashed;
    private volatile Throwable failure;
    private volatile Set<TopicPartition> assignment = Set.of();

    /**
     * @param barrier the test hook, or null
     * @param maxBatch the most records of a partition applied in one inbox transaction
     * @param resources closed when the loop ends (the dead-letter publisher)
     */
    PollLoop(Consumer<byte[], byte[]> consumer, List<String> topics, RecordProcessor processor,
            PartitionRetries retries, CommitBarrier barrier, int maxBatch, Duration pollTimeout, Duration closeTimeout,
            AutoCloseable resources) {
        this.maxBatch = maxBatch;
        this.consumer = consumer;
        this.topics = topics;
        this.processor = processor;
        this.retries = retries;
        this.barrier = barrier;
        this.pollTimeout = pollTimeout;
        this.closeTimeout = closeTimeout;
        this.resources = resources;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (!closing) {
                resumeDuePartitions();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(retries.untilNextDue(pollTimeout));
                for (TopicPartition partition : records.partitions()) {
                    if (closing) {
                        break;
                    }
                    process(partition, records.records(partition));
                }
                commitPending();
            }
        } catch (WakeupException e) {
            if (!closing) {
                failure = e;
            }
        } catch (Crash e) {
            crashed = true;
            failure = e.getCause();
            LOG.warn("The commit barrier stopped the consumer of {} before an offset commit", topics, e.getCause());
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("The consumer of {} stopped: {}", topics, e.toString(), e);
        } finally {
            shutDown();
        }
    }

    /** Closes the clients of a loop that never ran. */
    void closeUnstarted() {
        closing = true;
        shutDown();
    }

    /** Asks the loop to stop after the record in hand; thread-safe. */
    void stop() {
        closing = true;
        consumer.wakeup();
    }

    Throwable failure() {
        return failure;
    }

    Set<TopicPartition> assignment() {
        return assignment;
    }

    /** The partition's records in batches of at most {@code maxBatch}; a batch the inbox rolled back goes one by one. */
    private void process(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
        for (int from = 0; from < records.size(); from += maxBatch) {
            if (closing) {
                return;
            }
            List<ConsumerRecord<byte[], byte[]>> batch = records.subList(from, Math.min(records.size(), from + maxBatch));
            if (batch.size() > 1 && processor.processAll(batch)) {
                done(partition, batch.get(batch.size() - 1));
            } else if (!processOneByOne(partition, batch)) {
                return;
            }
        }
    }

    /** @return false when a record waits for a retry: the partition stops there */
    private boolean processOneByOne(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (closing) {
                return false;
            }
            RecordProcessor.Disposition disposition = processor.process(record);
            if (disposition.retry()) {
                retryLater(partition, record, disposition.transientFailure());
                return false;
            }
            done(partition, record);
        }
        return true;
    }

    private void done(TopicPartition partition, ConsumerRecord<byte[], byte[]> last) {
        retries.succeeded(partition);
        pending.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
    }

    /** Rewinds the partition to the failed record and pauses it for the backoff: never skipped, order kept. */
    private void retryLater(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, Throwable failure) {
        Duration delay = retries.failed(partition);
        consumer.seek(partition, new OffsetAndMetadata(record.offset(), record.leaderEpoch(), ""));
        consumer.pause(List.of(partition));
        String message = "Transient failure of {} (attempt {}), retrying in {} ms: {}";
        if (retries.attempts(partition) == 1) {
            LOG.warn(message, DeadLetterPublisher.describe(record), 1, delay.toMillis(), failure.toString(), failure);
        } else {
            LOG.warn(message, DeadLetterPublisher.describe(record), retries.attempts(partition), delay.toMillis(),
                    failure.toString());
        }
    }

    private void resumeDuePartitions() {
        List<TopicPartition> due = retries.due();
        if (!due.isEmpty()) {
            due.retainAll(consumer.assignment());
            consumer.resume(due);
        }
    }

    private void commitPending() {
        if (pending.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
        if (barrier != null) {
            try {
                barrier.beforeOffsetCommit(offsets);
            } catch (Exception e) {
                throw new Crash(e);
            }
        }
        commit(offsets);
    }

    /** Commits synchronously; what cannot be committed now stays pending, or is given up when the group moved on. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            commitSync(offsets);
            pending.keySet().removeAll(offsets.keySet());
        } catch (RebalanceInProgressException | RetriableException e) {
            LOG.debug("Offsets {} not committed yet ({}); trying again", offsets, e.toString());
        } catch (CommitFailedException e) {
            pending.keySet().removeAll(offsets.keySet());
            LOG.warn("Offsets {} not committed: the group moved on ({}). Their records will be delivered again and"
                    + " skipped as duplicates", offsets, e.getMessage());
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            // a stop() arrived: the records are applied, so their offsets are still committed
            consumer.commitSync(offsets);
        }
    }

    private void shutDown() {
        try {
            if (crashed) {
                pending.clear();
            } else {
                commitPending();
            }
        } catch (Crash e) {
            crashed = true;
            pending.clear();
            failure = e.getCause();
        } catch (RuntimeException e) {
            LOG.warn("Could not commit the last offsets of {}: {}", topics, e.toString());
        }
        try {
            consumer.close(CloseOptions.timeout(closeTimeout));
        } catch (RuntimeException e) {
            LOG.warn("Could not close the consumer of {} cleanly: {}", topics, e.toString());
        }
        try {
            resources.close();
        } catch (Exception e) {
            LOG.warn("Could not close the dead-letter producer: {}", e.toString());
        }
        assignment = Set.of();
    }

    /** Commits what is done before partitions go; forgets their retry state. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            partitions.forEach(partition -> {
                OffsetAndMetadata offset = pending.get(partition);
                if (offset != null) {
                    done.put(partition, offset);
                }
            });
            if (!crashed && !done.isEmpty()) {
                try {
                    commit(done);
                } catch (RuntimeException e) {
                    LOG.warn("Could not commit {} on revocation: {}", done, e.toString());
                }
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment = Set.copyOf(consumer.assignment());
            if (!partitions.isEmpty()) {
                LOG.info("Assigned {}", partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            pending.keySet().removeAll(partitions);
            retries.forget(partitions);
            Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
            kept.removeAll(partitions);
            assignment = Set.copyOf(kept);
        }
    }
}
