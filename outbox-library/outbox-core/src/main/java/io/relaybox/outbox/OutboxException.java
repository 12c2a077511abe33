package io.relaybox.outbox;

/** The base of every exception the outbox library throws; unchecked. */
public class OutboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the event or setting involved
     */
    public OutboxException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the event or setting involved
     * @param cause the underlying failure, kept for diagnosis
     */
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
