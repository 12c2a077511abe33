package io.relaybox.outbox.inbox;

import java.sql.Connection;
import java.util.List;

/**
 * SPI: takes, at the start of a batch's transaction, the row locks that the batch's events will take, in one fixed
 * order (say, {@code SELECT … WHERE sku = ANY (?) ORDER BY sku FOR UPDATE}).
 *
 * <p>A batch ({@link Inbox#receiveAll}) holds every lock it took until it commits. Its handlers take their locks event
 * by event, so without this the order of a batch's locks is the order its events arrived in: two consumer instances
 * whose events share rows (stock of the same SKU, the same account) lock them in different orders and deadlock, and
 * PostgreSQL rolls one batch back. Locked up front in one order, batches queue for those rows instead, and every lock
 * a handler takes later is one its transaction already holds.
 *
 * <p>Lock only rows the handlers would lock anyway, and read nothing the handlers rely on: a handler still decides on
 * what it reads itself. Events whose payload cannot be read contribute nothing: their handler rejects them.
 */
@FunctionalInterface
public interface BatchLocks {

    /**
     * Locks the rows the events will lock, in one order that every transaction of the consumer follows.
     *
     * @param events the batch, in delivery order (duplicates included), not empty
     * @param connection the batch's transaction (auto-commit off); neither commit, roll back nor close it
     * @throws Exception anything: the batch is rolled back and its events received one by one
     */
    void lock(List<InboxEvent> events, Connection connection) throws Exception;
}
