package io.relaybox.topology;

import java.util.regex.Pattern;

/**
 * How topics are named: Debezium's Outbox Event Router sends an outbox row of aggregate type {@code orders} to
 * {@code orders.events}; a consumer sends what it cannot apply to {@code orders.events.dlq}.
 */
public final class EventTopics {

    /** The sinks subscribe with this {@code topics.regex}: every event topic, no dead-letter topic. */
    public static final String REGEX = "[A-Za-z0-9_-]+\\.events";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private EventTopics() {
    }

    /** The topic of an aggregate type's events, e.g. {@code payments} → {@code payments.events}. */
    public static String of(String aggregateType) {
        return aggregateType + ".events";
    }

    /** The dead-letter topic of an event topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** Whether the sinks' subscription matches the topic (Kafka matches {@code topics.regex} against the whole name). */
    public static boolean isEventTopic(String topic) {
        return PATTERN.matcher(topic).matches();
    }
}
