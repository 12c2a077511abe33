package io.relaybox.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which open Kafka transactions hang: the same transaction (producer, epoch, first offset) has been seen open on a
 * partition, by the clock of whoever looks, for longer than any transaction of the platform may last, and each time the
 * transaction coordinator knew of no ongoing transaction of that producer with that partition in it. Nothing will ever
 * end such a transaction, and it pins the partition's last stable offset: a {@code read_committed} reader never gets
 * past it. Record timestamps are not trusted (a backlog is written with old ones). {@link HangingTransactionRepair}
 * feeds it and aborts what it names. One caller at a time.
 */
public final class HangingTransactions {

    /** An open transaction as the partition's leader sees it ({@code Admin.describeProducers}). */
    public record Open(String topic, int partition, long producerId, int producerEpoch, int coordinatorEpoch, long startOffset) {
    }

    /** An ongoing transaction as its coordinator sees it ({@code Admin.describeTransactions}): its producer and partitions. */
    public record Ongoing(long producerId, Set<String> partitions) {

        public Ongoing {
            partitions = Set.copyOf(partitions);
        }

        boolean covers(Open open) {
            return open.producerId() == producerId && partitions.contains(open.topic() + "-" + open.partition());
        }
    }

    private final Duration patience;
    private final Map<Open, Instant> unknownSince = new HashMap<>();

    /** @param patience longer than the longest transaction timeout of the platform's producers */
    public HangingTransactions(Duration patience) {
        this.patience = patience;
    }

    /**
     * One look.
     *
     * @param open the open transactions on the partitions whose last stable offset lags their end
     * @param ongoing every transaction the coordinators call ongoing, looked up after {@code open}
     * @return those of {@code open} seen open and unknown to their coordinator for longer than the patience
     */
    public List<Open> look(Collection<Open> open, Collection<Ongoing> ongoing, Instant now) {
        List<Open> unknown = open.stream().filter(transaction -> ongoing.stream().noneMatch(known -> known.covers(transaction))).toList();
        unknownSince.keySet().retainAll(unknown);
        unknown.forEach(transaction -> unknownSince.putIfAbsent(transaction, now));
        return unknown.stream().filter(transaction -> Duration.between(unknownSince.get(transaction), now).compareTo(patience) > 0).toList();
    }

    /** The transaction was aborted: it is not looked for any more. */
    public void forget(Open aborted) {
        unknownSince.remove(aborted);
    }
}
