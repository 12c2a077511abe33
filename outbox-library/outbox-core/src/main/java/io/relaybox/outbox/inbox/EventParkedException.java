package io.relaybox.outbox.inbox;

import java.util.UUID;

import io.relaybox.outbox.OutboxException;

/**
 * The reason an event was {@linkplain InboxResult#PARKED parked}: an earlier event of its aggregate is dead-lettered in
 * this consumer. Never thrown by the inbox; transports use it to describe the parked event where they set it aside
 * (the Kafka consumer puts its class and message into the dead-letter record's reason headers).
 */
public class EventParkedException extends OutboxException {

    private static final long serialVersionUID = 1L;

    private final UUID blockingEventId;

    /**
     * @param eventId the parked event
     * @param aggregateId its aggregate
     * @param blockingEventId the dead-lettered event it waits for, or {@code null} when that is no longer known
     */
    public EventParkedException(UUID eventId, String aggregateId, UUID blockingEventId) {
        super("parked behind " + (blockingEventId != null ? blockingEventId : "an earlier dead letter") + ": event "
                + eventId + " of aggregate " + aggregateId + " waits until the earlier dead letter is re-driven");
        this.blockingEventId = blockingEventId;
    }

    /** @return the dead-lettered event this one waits for, or {@code null} when unknown */
    public UUID blockingEventId() {
        return blockingEventId;
    }
}
