package io.relaybox.outbox;

import java.sql.Connection;

/**
 * SPI: hands the outbox the JDBC connection of the transaction that is active on the calling thread. Implemented by
 * {@link JdbcTransactions} for plain JDBC and by the Spring Boot starter for {@code @Transactional} code.
 */
@FunctionalInterface
public interface TransactionalConnectionSource {

    /**
     * The connection bound to the current transaction. The outbox uses it for its statements and neither commits nor
     * closes it: the transaction's owner does both.
     *
     * @return the connection, not null
     * @throws NoActiveTransactionException when no transaction is active on this thread
     */
    Connection currentTransactionConnection();
}
