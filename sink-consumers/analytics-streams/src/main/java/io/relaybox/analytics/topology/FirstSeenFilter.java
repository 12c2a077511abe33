package io.relaybox.analytics.topology;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Passes an event on only the first time its id comes by: at-least-once CDC may put one event into Kafka twice (after a
 * crash of the Connect worker, without exactly-once source), and each copy must count once. The ids live in a window
 * store (changelogged, so a restarted or rebalanced task remembers them; written in the same transaction as the counts
 * under exactly_once_v2) for the retention given, then are forgotten segment by segment.
 *
 * @param <V> the event
 */
final class FirstSeenFilter<V extends CountedEvent> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final long retentionMs;
    private FixedKeyProcessorContext<String, V> context;
    private WindowStore<String, Long> seen;

    FirstSeenFilter(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String eventId = record.value().eventId();
        long time = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, Math.max(0, time - retentionMs), time + retentionMs)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(eventId, time, time);
        context.forward(record);
    }
}
