package io.relaybox.outbox;

/**
 * Thrown when an event is published outside a transaction, or on a connection in auto-commit mode: the outbox
 * never commits by itself, because an event committed without its business rows is the dual-write bug the outbox
 * exists to prevent.
 */
public class NoActiveTransactionException extends OutboxException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why no usable transaction was found, and how to provide one
     */
    public NoActiveTransactionException(String message) {
        super(message);
    }
}
