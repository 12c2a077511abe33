package io.relaybox.outbox.kafka;

import java.util.UUID;

import io.relaybox.outbox.inbox.UnparseablePayloadException;

/**
 * The reason for dead-lettering a record that is not a relaybox event: no {@code id} header, no key, no {@code type},
 * a header that cannot be read, or no value. A permanent failure; the record parks its aggregate only when its id and
 * key could be read.
 */
public class MalformedRecordException extends UnparseablePayloadException {

    private static final long serialVersionUID = 1L;

    private final UUID eventId;
    private final String aggregateId;
    private final String eventType;

    /**
     * @param message what is missing or wrong
     * @param cause the parser's exception, or {@code null}
     * @param eventId the event id if it could be read, else {@code null}
     * @param aggregateId the key if there was one, else {@code null}
     * @param eventType the type header if there was one, else {@code null}
     */
    public MalformedRecordException(String message, Throwable cause, UUID eventId, String aggregateId,
            String eventType) {
        super(message, cause);
        this.eventId = eventId;
        this.aggregateId = aggregateId;
        this.eventType = eventType;
    }

    /** @return the record's event id, or {@code null} when it had none that could be read */
    public UUID eventId() {
        return eventId;
    }

    /** @return the record's key, or {@code null} */
    public String aggregateId() {
        return aggregateId;
    }

    /** @return the record's type header, or {@code null} */
    public String eventType() {
        return eventType;
    }
}
