package io.relaybox.relay;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * Turns a record of the engine (after the connector's transforms) into the bytes Kafka Connect would have written: the
 * headers through the connector's header converter (Connect's default, {@link SimpleHeaderConverter}, unless the file
 * names one), then key and value through its {@code key.converter} and {@code value.converter} with their
 * {@code key.converter.*} and {@code value.converter.*} settings; the record's partition and timestamp as they are.
 */
final class RecordConversion {

    private final Converter keys;
    private final Converter values;
    private final HeaderConverter headers;

    private RecordConversion(Converter keys, Converter values, HeaderConverter headers) {
        this.keys = keys;
        this.values = values;
        this.headers = headers;
    }

    static RecordConversion of(Map<String, String> connectorConfig) {
        Converter keys = instance(connectorConfig.getOrDefault("key.converter", StringConverter.class.getName()), Converter.class);
        keys.configure(withPrefix(connectorConfig, "key.converter.", ConverterType.KEY), true);
        Converter values = instance(connectorConfig.getOrDefault("value.converter", StringConverter.class.getName()), Converter.class);
        values.configure(withPrefix(connectorConfig, "value.converter.", ConverterType.VALUE), false);
        HeaderConverter headers = instance(connectorConfig.getOrDefault("header.converter", SimpleHeaderConverter.class.getName()),
                HeaderConverter.class);
        headers.configure(withPrefix(connectorConfig, "header.converter.", ConverterType.HEADER));
        return new RecordConversion(keys, values, headers);
    }

    ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record) {
        RecordHeaders converted = new RecordHeaders();
        for (Header header : record.headers()) {
            converted.add(header.key(), headers.fromConnectHeader(record.topic(), header.key(), header.schema(), header.value()));
        }
        byte[] key = keys.fromConnectData(record.topic(), converted, record.keySchema(), record.key());
        byte[] value = values.fromConnectData(record.topic(), converted, record.valueSchema(), record.value());
        Long timestamp = record.timestamp() == null || record.timestamp() < 0 ? null : record.timestamp();
        return new ProducerRecord<>(record.topic(), record.kafkaPartition(), timestamp, key, value, converted);
    }

    private static Map<String, Object> withPrefix(Map<String, String> config, String prefix, ConverterType type) {
        Map<String, Object> settings = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        settings.put(ConverterConfig.TYPE_CONFIG, type.getName());
        return settings;
    }

    private static <T> T instance(String className, Class<T> type) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot create the converter " + className + " (a " + type.getSimpleName() + "): " + e, e);
        }
    }
}
