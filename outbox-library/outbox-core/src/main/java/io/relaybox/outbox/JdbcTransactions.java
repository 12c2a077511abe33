package io.relaybox.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

/**
 * Thread-bound JDBC transactions for applications without a transaction framework, and the
 * {@link TransactionalConnectionSource} that lets the {@link Outbox} (and the inbox) join them.
 *
 * <pre>{@code
 * JdbcTransactions transactions = JdbcTransactions.of(dataSource);
 * Outbox outbox = Outbox.builder().connectionSource(transactions).build();
 * transactions.inTransaction(() -> {
 *     Connection connection = transactions.currentTransactionConnection();
 *     // ... business writes on connection ...
 *     outbox.publish("orders", orderId, "OrderPlaced", order);
 * });
 * }</pre>
 *
 * <p>A call inside a running transaction joins it. Instances are thread-safe; each thread has its own transaction.
 */
public final class JdbcTransactions implements TransactionalConnectionSource, TransactionRunner {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    private JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Transactions on connections from the given data source.
     *
     * @param dataSource the data source, not null
     * @return the transaction runner
     */
    public static JdbcTransactions of(DataSource dataSource) {
        return new JdbcTransactions(dataSource);
    }

    /**
     * Runs the work in a transaction: binds a connection with auto-commit off to this thread, commits when the work
     * returns and rolls back when it throws. Inside a running transaction the work simply joins it.
     *
     * @param work the work; it reaches the connection through {@link #currentTransactionConnection()}
     * @param <T> the result type
     * @return the work's result
     * @throws TransactionFailedException when the transaction cannot begin or commit, or the work throws a checked
     *         exception (its cause); unchecked exceptions and errors from the work are rethrown as they are
     */
    @Override
    public <T> T inTransaction(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return call(work);
        }
        Connection connection = connect();
        boolean restoreAutoCommit = begin(connection);
        current.set(connection);
        try {
            T result = call(work);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(connection, e);
            throw new TransactionFailedException("cannot commit the transaction: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        } finally {
            current.remove();
            release(connection, restoreAutoCommit);
        }
    }

    /**
     * Runs work without a result in a transaction; see {@link #inTransaction(Callable)}.
     *
     * @param work the work; it may throw checked exceptions such as {@link SQLException}
     */
    public void inTransaction(Work work) {
        Objects.requireNonNull(work, "work");
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The connection of this thread's transaction.
     *
     * @return the connection; it must be neither committed nor closed by the caller
     * @throws NoActiveTransactionException when this thread is not inside {@link #inTransaction(Callable)}
     */
    @Override
    public Connection currentTransactionConnection() {
        Connection connection = current.get();
        if (connection == null) {
            throw new NoActiveTransactionException("no transaction is active on this thread: publish inside"
                    + " JdbcTransactions.inTransaction(...)");
        }
        return connection;
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new TransactionFailedException("cannot get a connection: " + e.getMessage(), e);
        }
    }

    /** Turns auto-commit off; true when it was on, so that the connection goes back to its pool as it came. */
    private static boolean begin(Connection connection) {
        try {
            boolean wasAutoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            return wasAutoCommit;
        } catch (SQLException e) {
            release(connection, false);
            throw new TransactionFailedException("cannot begin a transaction: " + e.getMessage(), e);
        }
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TransactionFailedException("the transaction's work failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void release(Connection connection, boolean restoreAutoCommit) {
        try {
            if (restoreAutoCommit) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is closed next; a pool validates it
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    /** Transactional work without a result, like a {@link Runnable} that may throw checked exceptions. */
    @FunctionalInterface
    public interface Work {

        /**
         * Does the work.
         *
         * @throws Exception anything; the transaction is then rolled back
         */
        void run() throws Exception;
    }
}
