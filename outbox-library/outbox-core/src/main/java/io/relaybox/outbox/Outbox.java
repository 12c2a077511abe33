package io.relaybox.outbox;

/**
 * Writes events into the outbox table inside the caller's current database transaction, so that an event is
 * committed together with the business rows it describes, or not at all.
 *
 * <p>An {@code Outbox} never opens, commits or auto-commits a transaction: it takes the connection of the
 * transaction that is active on the calling thread from its {@link TransactionalConnectionSource}. Called outside a
 * transaction, or with a connection in auto-commit mode, it throws {@link NoActiveTransactionException} and writes
 * nothing. Debezium then reads the committed insert from the write-ahead log and routes it to Kafka.
 *
 * <p>Instances are thread-safe. Create one with {@link #builder()}.
 */
public interface Outbox {

    /**
     * Writes one event into the outbox table in the current transaction.
     *
     * @param message the event to write; not null
     * @return what was written: the generated id, the serialized payload, the timestamp and trace context
     * @throws NoActiveTransactionException when no transaction is active on this thread, or its connection is in
     *         auto-commit mode
     * @throws OutboxPayloadTooLargeException when the serialized payload exceeds the configured maximum
     * @throws OutboxException when the payload cannot be serialized or the row cannot be written; the caller's
     *         transaction should then be rolled back
     */
    OutboxEvent publish(OutboxMessage message);

    /**
     * Writes one event with schema version 1 and no extra headers; a shorthand for
     * {@code publish(OutboxMessage.of(aggregateType, aggregateId, eventType, payload))}.
     *
     * @param aggregateType the kind of aggregate, e.g. {@code orders}: routes the event to the topic
     *        {@code orders.events}; letters, digits, {@code .}, {@code _} and {@code -} only
     * @param aggregateId the aggregate's id, e.g. the order id: becomes the Kafka record key
     * @param eventType what happened, in the past tense, e.g. {@code OrderPlaced}
     * @param payload the event body, serialized to JSON by the configured {@link PayloadSerializer}; not null
     * @return what was written
     * @see #publish(OutboxMessage)
     */
    default OutboxEvent publish(String aggregateType, String aggregateId, String eventType, Object payload) {
        return publish(OutboxMessage.of(aggregateType, aggregateId, eventType, payload));
    }

    /**
     * Starts configuring an outbox. Only {@link OutboxBuilder#connectionSource(TransactionalConnectionSource)} is
     * required; everything else has a default.
     *
     * @return a new builder
     */
    static OutboxBuilder builder() {
        return new OutboxBuilder();
    }
}
