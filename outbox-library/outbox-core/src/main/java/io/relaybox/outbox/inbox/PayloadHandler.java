package io.relaybox.outbox.inbox;

import java.sql.Connection;

/**
 * Applies one event whose payload {@link EventHandlers} has already read into a Java type; the typed counterpart of
 * {@link EventHandler}, with the same transaction rules.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface PayloadHandler<T> {

    /**
     * Applies the event.
     *
     * @param event the event, not null
     * @param payload its payload, read with the dispatcher's JSON mapper; not null
     * @param connection the transaction's connection, not null; neither commit nor close it
     * @throws PermanentEventFailure when the event can never be applied: it is dead-lettered at once
     * @throws Exception anything else; classified by the {@link FailureClassifier}
     */
    void handle(InboxEvent event, T payload, Connection connection) throws Exception;
}
