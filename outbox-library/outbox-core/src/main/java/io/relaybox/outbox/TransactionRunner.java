package io.relaybox.outbox;

import java.util.concurrent.Callable;

/**
 * SPI: runs work in a database transaction on the calling thread. Implemented by {@link JdbcTransactions} for plain
 * JDBC and by the Spring Boot starter (a {@code TransactionTemplate} on the application's transaction manager). The
 * inbox uses it to apply an event and record it as processed in one transaction; the work reaches that transaction's
 * connection through the matching {@link TransactionalConnectionSource}, which is also what the {@link Outbox} writes
 * on, so an event handler can publish events in the same transaction.
 */
public interface TransactionRunner {

    /**
     * Runs the work in a transaction: commits when it returns and rolls back when it throws. Inside a transaction that
     * is already active on this thread the work joins it (and the outer owner commits).
     *
     * @param work the work; not null
     * @param <T> the result type
     * @return the work's result
     * @throws RuntimeException when the transaction cannot begin or commit ({@link JdbcTransactions}:
     *         {@link TransactionFailedException}; Spring: its {@code TransactionException}), or when the work throws a
     *         checked exception ({@link TransactionFailedException} with it as cause); unchecked exceptions and errors
     *         from the work are rethrown as they are, after the rollback
     */
    <T> T inTransaction(Callable<T> work);
}
