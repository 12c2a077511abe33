package io.relaybox.outbox.inbox;

import io.relaybox.outbox.OutboxException;

/**
 * Thrown by an event handler when the event can never be applied, however often it is retried: its data is invalid,
 * or a business rule rejects it. The transaction is rolled back and the event is dead-lettered at once (with this
 * exception's class and message as the reason); the later events of its aggregate are parked until it is re-driven.
 * The library throws subclasses for events it cannot read ({@link UnparseablePayloadException}) or route
 * ({@link UnknownEventTypeException}).
 */
public class PermanentEventFailure extends OutboxException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the event cannot be applied; it travels to the dead-letter topic, so name the offending field
     */
    public PermanentEventFailure(String message) {
        super(message);
    }

    /**
     * @param message why the event cannot be applied
     * @param cause the underlying failure
     */
    public PermanentEventFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What kind of failure this is, in one word, for the dead letter's {@code relaybox.dlq.reason} header and for
     * counting: {@code schema}, {@code unparseable}, {@code unknown-type}, ...; {@code handler} for a handler's own
     * refusal.
     *
     * @return a short lower-case word
     */
    public String reason() {
        return "handler";
    }
}
