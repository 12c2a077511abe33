package io.relaybox.outbox.spring;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relaybox.outbox.NoActiveTransactionException;
import io.relaybox.outbox.OutboxException;
import io.relaybox.outbox.TransactionalConnectionSource;

/** The connection Spring bound to the current transaction ({@code @Transactional}, {@code TransactionTemplate}). */
final class SpringTransactionalConnectionSource implements TransactionalConnectionSource {

    private final DataSource dataSource;

    SpringTransactionalConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection currentTransactionConnection() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new NoActiveTransactionException("no Spring transaction is active: publish from a @Transactional"
                    + " method (or inside a TransactionTemplate), so that the event commits with the business rows");
        }
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new OutboxException("the current Spring transaction is read-only: an event cannot be published in it");
        }
        // the transaction manager's connection when it manages this DataSource; otherwise a fresh one in
        // auto-commit mode, which the outbox refuses
        return DataSourceUtils.getConnection(dataSource);
    }
}
