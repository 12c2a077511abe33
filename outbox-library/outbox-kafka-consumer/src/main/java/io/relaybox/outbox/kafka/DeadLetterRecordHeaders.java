package io.relaybox.outbox.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the headers of a dead letter ({@link DeadLetterHeaders}): the record's own headers, minus the reason headers
 * of an earlier dead-lettering, followed by this one's. Every dead-letter path of the platform (the inbox consumer,
 * the analytics topology) writes them through here, so they read the same wherever they come from.
 */
public final class DeadLetterRecordHeaders {

    /** The longest message and violations list kept, in characters. */
    static final int TEXT_LIMIT = 4000;

    private final RecordHeaders headers = new RecordHeaders();

    private DeadLetterRecordHeaders(Iterable<Header> own) {
        for (Header header : own) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
    }

    /** Starts from the record's own headers. */
    public static DeadLetterRecordHeaders of(Iterable<Header> own) {
        return new DeadLetterRecordHeaders(own);
    }

    /**
     * Why: the failure's class and message, the one-word reason, and (reason {@code schema}) the first
     * {@value DeadLetterHeaders#LISTED_VIOLATIONS} violations, one per line.
     */
    public DeadLetterRecordHeaders failure(Throwable failure, String reason, List<String> violations) {
        add(DeadLetterHeaders.EXCEPTION_CLASS, failure.getClass().getName());
        add(DeadLetterHeaders.EXCEPTION_MESSAGE, limited(String.valueOf(failure.getMessage())));
        add(DeadLetterHeaders.REASON, reason);
        if (!violations.isEmpty()) {
            add(DeadLetterHeaders.VIOLATIONS,
                    limited(String.join("\n", violations.subList(0, Math.min(DeadLetterHeaders.LISTED_VIOLATIONS, violations.size())))));
        }
        return this;
    }

    /** Where the record was consumed, and by which consumer. */
    public DeadLetterRecordHeaders source(String topic, int partition, long offset, String consumer) {
        add(DeadLetterHeaders.SOURCE_TOPIC, topic);
        add(DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(partition));
        add(DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset));
        add(DeadLetterHeaders.CONSUMER, consumer);
        return this;
    }

    /** Only on a parked record: the dead-lettered event of its aggregate it waits for. */
    public DeadLetterRecordHeaders parkedBehind(UUID eventId) {
        add(DeadLetterHeaders.PARKED_BEHIND, eventId.toString());
        return this;
    }

    public RecordHeaders build() {
        return headers;
    }

    private void add(String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String limited(String text) {
        return text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text;
    }
}
