package io.relaybox.outbox.inbox;

/**
 * Thrown by {@link EventHandlers} for an event whose type, or whose schema version of a known type, has no handler:
 * a permanent failure, so the event is dead-lettered and can be re-driven once a consumer that knows it is deployed.
 */
public class UnknownEventTypeException extends PermanentEventFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the type and version that have no handler, and those that do
     */
    public UnknownEventTypeException(String message) {
        super(message);
    }

    @Override
    public String reason() {
        return "unknown-type";
    }
}
