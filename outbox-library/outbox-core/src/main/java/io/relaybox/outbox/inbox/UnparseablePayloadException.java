package io.relaybox.outbox.inbox;

/**
 * Thrown when an event's payload (or a header the inbox must read) is not the JSON its type and version promise: a
 * permanent failure, so the event is dead-lettered.
 */
public class UnparseablePayloadException extends PermanentEventFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which event and what could not be read
     * @param cause the parser's exception, or {@code null}
     */
    public UnparseablePayloadException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return "unparseable";
    }
}
