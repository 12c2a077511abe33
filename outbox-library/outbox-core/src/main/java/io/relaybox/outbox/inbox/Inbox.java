package io.relaybox.outbox.inbox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The idempotent-consumer half of the library: applies each event exactly once per consumer by running the
 * {@link EventHandler} and recording {@code (consumer, event_id)} in the table {@code processed_event} in <b>one</b>
 * database transaction. An event whose id is already recorded is skipped and counted, not applied again, so the
 * redeliveries of at-least-once transports (a consumer killed before its offset commit, a rewound group, a copy
 * published again) have no effect.
 *
 * <p>The record is inserted first ({@code INSERT … ON CONFLICT DO NOTHING}), so concurrent deliveries of one id
 * serialize on the primary key and exactly one of them runs the handler.
 *
 * <p>It also keeps each aggregate's events in order across dead letters: once an event is
 * {@linkplain #deadLetter(UUID, String, String, Throwable) dead-lettered}, the later events of its aggregate are
 * {@linkplain InboxResult#PARKED parked} (recorded in {@code parked_event}) instead of applied. When the dead letter
 * is delivered again (re-driven), it is applied and removed, and the next parked event of the aggregate becomes the
 * one the aggregate waits for; when none is left, the aggregate flows again.
 *
 * <p>One attempt per call: the inbox never retries or sleeps. Transports decide, from
 * {@link EventHandlingException#type()}, to retry later or to dead-letter (the Kafka consumer in
 * {@code outbox-kafka-consumer} does both). Both tables come with the outbox migration
 * ({@code classpath:db/relaybox/outbox}). Instances are thread-safe; create one with {@link #builder()}.
 */
public interface Inbox {

    /**
     * The consumer name this inbox records events under, e.g. {@code inventory-service}. Services that consume the
     * same events keep separate records; renaming a consumer makes it apply every event again.
     *
     * @return the consumer name, not blank
     */
    String consumer();

    /**
     * Applies the event unless this consumer has applied it before, in one transaction with its record.
     *
     * @param event the event, not null
     * @return {@link InboxResult#APPLIED}, {@link InboxResult#SKIPPED_DUPLICATE} or {@link InboxResult#PARKED}
     * @throws EventHandlingException when the handler or the transaction failed; everything was rolled back and
     *         {@link EventHandlingException#type()} says whether to retry or dead-letter the event
     */
    InboxResult receive(InboxEvent event);

    /**
     * Applies the events, in their order, in <b>one</b> transaction when every one of them is applied or skipped as a
     * duplicate: one commit (one WAL flush) for many events. When one of them would be parked, or a handler or the
     * transaction fails, everything is rolled back and nothing is counted: the caller then {@linkplain #receive receives}
     * each event alone, which parks, fails and classifies it exactly as before. Each event is still deduplicated by its
     * id, within the batch too. The handler's {@link EventHandler#beforeBatch} runs first in the batch's transaction:
     * where instances share rows, it locks them in one order so that their batches do not deadlock.
     *
     * <p>Only for handlers whose every effect is in the database transaction: after a rollback the events before the
     * failing one are handled again, so an effect outside the transaction (an e-mail sent, an HTTP call) would happen
     * twice.
     *
     * @param events the events, not null; an empty list gives an empty list of results
     * @return the result of each event (APPLIED or SKIPPED_DUPLICATE), in order; empty when the batch was rolled back
     */
    default Optional<List<InboxResult>> receiveAll(List<InboxEvent> events) {
        return events.isEmpty() ? Optional.of(List.of()) : Optional.empty();
    }

    /**
     * Records that an event is given up on as a permanent failure: from now on the later events of its aggregate are
     * parked behind it until it is delivered again and applied. Call it before setting the event aside (for Kafka:
     * before sending it to the dead-letter topic), in its own transaction. Calling it again for the same event (a
     * re-driven event that failed again) keeps its place and updates the reason.
     *
     * @param eventId the event's id; {@code null} when the record had none (it is then only counted: an event that
     *        cannot be identified cannot be re-applied, so it parks nothing)
     * @param aggregateId the event's aggregate; {@code null} when unknown (counted only, as above)
     * @param eventType the event's type, for operators reading {@code parked_event}; may be {@code null}
     * @param failure why, not null; its class and message are stored as the reason
     * @throws io.relaybox.outbox.OutboxException when the record cannot be written; retry
     */
    void deadLetter(UUID eventId, String aggregateId, String eventType, Throwable failure);

    /**
     * The dead-lettered or parked event the aggregate waits for in this consumer: the earliest one still parked.
     *
     * @param aggregateId the aggregate's id, not null
     * @return the id of the event that must be delivered (re-driven) next, or empty when the aggregate flows
     * @throws io.relaybox.outbox.OutboxException when the database cannot be read
     */
    Optional<UUID> parkedBehind(String aggregateId);

    /**
     * The counters of this inbox since it was built.
     *
     * @return a snapshot, not null
     */
    InboxMetrics metrics();

    /**
     * Starts configuring an inbox; {@link InboxBuilder#consumer(String)}, the transactions and the
     * {@link InboxBuilder#handler(EventHandler) handler} are required.
     *
     * @return a new builder
     */
    static InboxBuilder builder() {
        return new InboxBuilder();
    }
}
