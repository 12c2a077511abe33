package io.relaybox.outbox.inbox;

import java.util.Objects;
import java.util.UUID;

import io.relaybox.outbox.OutboxException;

/**
 * Thrown by {@link Inbox#receive(InboxEvent)} when an event could not be applied: the transaction was rolled back,
 * nothing of the attempt remains, and {@link #type()} says what the caller should do next. The cause is the
 * handler's own exception (checked ones included) or the transaction's.
 */
public class EventHandlingException extends OutboxException {

    private static final long serialVersionUID = 1L;

    private final FailureType type;
    private final UUID eventId;

    /**
     * @param message which event failed in which consumer, and why
     * @param cause the failure, not null
     * @param type how the {@link FailureClassifier} classified it, not null
     * @param eventId the event's id, not null
     */
    public EventHandlingException(String message, Throwable cause, FailureType type, UUID eventId) {
        super(message, Objects.requireNonNull(cause, "cause"));
        this.type = Objects.requireNonNull(type, "type");
        this.eventId = eventId;
    }

    /** @return {@link FailureType#TRANSIENT}: retry the same event later; {@link FailureType#PERMANENT}: dead-letter it */
    public FailureType type() {
        return type;
    }

    /** @return the id of the event that failed */
    public UUID eventId() {
        return eventId;
    }
}
