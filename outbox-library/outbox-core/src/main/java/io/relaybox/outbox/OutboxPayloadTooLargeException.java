package io.relaybox.outbox;

/**
 * Thrown at write time when an event's serialized payload is larger than the configured maximum, so that an event
 * too large for Kafka fails in the business transaction instead of later inside the connector.
 */
public class OutboxPayloadTooLargeException extends OutboxException {

    private static final long serialVersionUID = 1L;

    /** The aggregate type of the rejected event. */
    private final String aggregateType;
    /** The type of the rejected event. */
    private final String eventType;
    /** The size of the rejected payload. */
    private final long payloadBytes;
    /** The configured maximum. */
    private final long maxPayloadBytes;

    /**
     * @param aggregateType the aggregate type of the rejected event
     * @param aggregateId the aggregate id of the rejected event
     * @param eventType the type of the rejected event
     * @param payloadBytes the size of its payload as UTF-8 JSON
     * @param maxPayloadBytes the configured maximum ({@code outbox.max-payload-bytes})
     */
    public OutboxPayloadTooLargeException(String aggregateType, String aggregateId, String eventType, long payloadBytes,
            long maxPayloadBytes) {
        super("payload of " + eventType + " for " + aggregateType + " " + aggregateId + " is " + payloadBytes
                + " bytes of JSON, more than outbox.max-payload-bytes=" + maxPayloadBytes);
        this.aggregateType = aggregateType;
        this.eventType = eventType;
        this.payloadBytes = payloadBytes;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** @return the aggregate type of the rejected event */
    public String aggregateType() {
        return aggregateType;
    }

    /** @return the type of the rejected event */
    public String eventType() {
        return eventType;
    }

    /** @return the size of the rejected payload in bytes of UTF-8 JSON */
    public long payloadBytes() {
        return payloadBytes;
    }

    /** @return the configured maximum in bytes */
    public long maxPayloadBytes() {
        return maxPayloadBytes;
    }
}
