package io.relaybox.analytics.topology;

/** A record of a type analytics counts that it cannot read: it goes to the dead-letter topic, the rest flows on. */
public final class UnreadableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
