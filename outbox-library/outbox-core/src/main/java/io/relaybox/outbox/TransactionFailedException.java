package io.relaybox.outbox;

/**
 * Thrown by {@link JdbcTransactions} when a transaction cannot be begun or committed, or when the work inside it
 * throws a checked exception; the transaction has been rolled back.
 */
public class TransactionFailedException extends OutboxException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying exception
     */
    public TransactionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
