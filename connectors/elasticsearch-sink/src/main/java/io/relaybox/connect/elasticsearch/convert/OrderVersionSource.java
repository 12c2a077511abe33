package io.relaybox.connect.elasticsearch.convert;

import java.util.Locale;

/** Where the external version of an order document comes from. */
public enum OrderVersionSource {

    /** The event's {@code occurredat} header in microseconds since the epoch: the same on every copy of an event. */
    OCCURRED_AT,

    /** The record's Kafka offset: increases along an order's partition, but a re-sent copy gets a new one. */
    KAFKA_OFFSET;

    /** The value as the configuration spells it, e.g. {@code occurred_at}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderVersionSource fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
