package io.relaybox.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * Finds and aborts hanging Kafka transactions ({@link HangingTransactions}), as {@code kafka-transactions.sh find-hanging}
 * and {@code abort} would; call {@link #check()} periodically, from one thread. A verify run met one after a broker restart: a source task's transaction stayed open on
 * Connect's offsets topic while its coordinator called the transactional id Empty; every outbox source connector then
 * hung while starting (reading that topic to its end, {@code read_committed}), their replication slots inactive and
 * nothing flowing, until the transaction was aborted. Looks at every topic but Kafka's internal ones.
 */
public final class HangingTransactionRepair implements AutoCloseable {

    private static final long CALL_SECONDS = 20;

    private final String bootstrapServers;
    private final HangingTransactions transactions;
    private final Consumer<String> progress;
    private int aborted;
    private Admin admin;

    /**
     * @param patience longer than the longest transaction timeout of the platform's producers
     * @param progress one line per aborted transaction
     */
    public HangingTransactionRepair(String bootstrapServers, Duration patience, Consumer<String> progress) {
        this.bootstrapServers = bootstrapServers;
        this.transactions = new HangingTransactions(patience);
        this.progress = progress;
    }

    /**
     * Looks once, and aborts what hangs. One Admin client serves every check; a check that fails closes it, and the
     * next check connects afresh.
     */
    public void check() {
        try {
            Admin admin = admin();
            List<TopicPartition> pinned = pinnedPartitions(admin);
            if (pinned.isEmpty()) {
                transactions.look(List.of(), List.of(), Instant.now());
                return;
            }
            List<HangingTransactions.Open> open = new ArrayList<>();
            admin.describeProducers(pinned).all().get(CALL_SECONDS, TimeUnit.SECONDS).forEach((partition, description) -> {
                for (ProducerState producer : description.activeProducers()) {
                    producer.currentTransactionStartOffset().ifPresent(start -> open.add(new HangingTransactions.Open(partition.topic(),
                            partition.partition(), producer.producerId(), producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1),
                            start)));
                }
            });
            for (HangingTransactions.Open hanging : transactions.look(open, ongoing(admin), Instant.now())) {
                TopicPartition partition = new TopicPartition(hanging.topic(), hanging.partition());
                admin.abortTransaction(new AbortTransactionSpec(partition, hanging.producerId(), (short) hanging.producerEpoch(),
                        hanging.coordinatorEpoch())).all().get(CALL_SECONDS, TimeUnit.SECONDS);
                transactions.forget(hanging);
                aborted++;
                progress.accept(String.format("aborted a hanging Kafka transaction on %s (producer %d, epoch %d, open since offset %d,"
                        + " its coordinator knew nothing of it): it held back every read_committed reader of the partition",
                        partition, hanging.producerId(), hanging.producerEpoch(), hanging.startOffset()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            close();
            throw new PlatformException("cannot look for hanging Kafka transactions: " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(CALL_SECONDS / 2),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(CALL_SECONDS)));
        }
        return admin;
    }

    /** Closes the Admin client, if one is open; a later {@link #check()} opens another. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(CALL_SECONDS));
            admin = null;
        }
    }

    /** How many transactions were aborted. */
    public int aborted() {
        return aborted;
    }

    /** The partitions whose last stable offset lags their end: an open transaction holds them. */
    private static List<TopicPartition> pinnedPartitions(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(CALL_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get(CALL_SECONDS, TimeUnit.SECONDS).values()
                .stream().flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(CALL_SECONDS, TimeUnit.SECONDS);
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(CALL_SECONDS, TimeUnit.SECONDS);
        return latest.keySet().stream().filter(partition -> stable.get(partition).offset() < ends.get(partition).offset()).toList();
    }

    /** Every transaction a coordinator calls ongoing (or about to end), with its partitions. */
    private static List<HangingTransactions.Ongoing> ongoing(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> ids = admin.listTransactions().all().get(CALL_SECONDS, TimeUnit.SECONDS).stream()
                .filter(listing -> listing.state() != TransactionState.EMPTY && listing.state() != TransactionState.COMPLETE_ABORT
                        && listing.state() != TransactionState.COMPLETE_COMMIT)
                .map(TransactionListing::transactionalId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<HangingTransactions.Ongoing> ongoing = new ArrayList<>();
        for (TransactionDescription description : admin.describeTransactions(ids).all().get(CALL_SECONDS, TimeUnit.SECONDS).values()) {
            ongoing.add(new HangingTransactions.Ongoing(description.producerId(),
                    description.topicPartitions().stream().map(TopicPartition::toString).collect(Collectors.toSet())));
        }
        return ongoing;
    }
}
