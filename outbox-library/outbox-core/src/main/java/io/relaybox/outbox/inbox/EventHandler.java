package io.relaybox.outbox.inbox;

import java.sql.Connection;
import java.util.List;

/**
 * SPI: applies one event to the consumer's database. Called by the {@link Inbox} inside the transaction that also
 * records the event as processed, so the handler's writes and that record commit together or not at all. The handler
 * may publish events with the {@code Outbox} (which joins the same transaction), but must neither commit, roll back
 * nor close the connection. See {@link EventHandlers} for a dispatcher by event type and schema version.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Applies the event.
     *
     * @param event the event, not null
     * @param connection the transaction's connection (auto-commit off), not null
     * @throws PermanentEventFailure when the event can never be applied (invalid data, a business rule that rejects
     *         it): it is dead-lettered at once
     * @throws Exception anything else; the transaction is rolled back and the {@link FailureClassifier} decides whether
     *         the event is retried or dead-lettered
     */
    void handle(InboxEvent event, Connection connection) throws Exception;

    /**
     * Whether this handler acts on the event (rather than ignoring it or refusing an unknown type): only such events
     * are checked against their contract on receipt. By default every event.
     *
     * @param event the event, not null
     * @return true when {@link #handle} applies it
     */
    default boolean handles(InboxEvent event) {
        return true;
    }

    /**
     * Called once at the start of a batch's transaction ({@link Inbox#receiveAll}), before any of its events is
     * handled: takes the locks the batch's events will take, in one fixed order (see {@link BatchLocks}). Not called
     * for an event received alone. By default nothing.
     *
     * @param events the batch, in delivery order, not empty
     * @param connection the batch's transaction (auto-commit off)
     * @throws Exception anything: the batch is rolled back and its events received one by one
     */
    default void beforeBatch(List<InboxEvent> events, Connection connection) throws Exception {
    }
}
