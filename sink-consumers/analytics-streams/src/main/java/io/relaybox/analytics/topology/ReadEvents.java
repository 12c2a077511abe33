package io.relaybox.analytics.topology;

import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns a record into the event analytics counts ({@link EventReader}): passes it on, drops a type it does not count,
 * and throws {@link UnreadableEventException} for one it cannot read (the {@link DeadLetterHandler} takes it from there).
 *
 * @param <V> the event read
 */
final class ReadEvents<V> implements FixedKeyProcessor<String, String, V> {

    private final BiFunction<Headers, String, Optional<V>> reader;
    private FixedKeyProcessorContext<String, V> context;

    ReadEvents(BiFunction<Headers, String, Optional<V>> reader) {
        this.reader = reader;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
        reader.apply(record.headers(), record.value()).ifPresent(event -> context.forward(record.withValue(event)));
    }
}
