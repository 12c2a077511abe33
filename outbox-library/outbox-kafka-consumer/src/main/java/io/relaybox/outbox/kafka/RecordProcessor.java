package io.relaybox.outbox.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.outbox.inbox.EventHandlingException;
import io.relaybox.outbox.inbox.EventParkedException;
import io.relaybox.outbox.inbox.FailureType;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.InboxResult;

/**
 * One record through the inbox: applied, skipped, parked or dead-lettered (all "done": its offset may be committed),
 * or a transient failure (retry the same record later).
 */
final class RecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);

    /** The result for the poll loop: done, or retry because of this failure. */
    record Disposition(Throwable transientFailure) {

        static final Disposition DONE = new Disposition(null);

        boolean retry() {
            return transientFailure != null;
        }
    }

    private final Inbox inbox;
    private final DeadLetterPublisher deadLetters;

    RecordProcessor(Inbox inbox, DeadLetterPublisher deadLetters) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    Disposition process(ConsumerRecord<byte[], byte[]> record) {
        InboxEvent event;
        try {
            event = RecordDecoder.decode(record);
        } catch (MalformedRecordException e) {
            return deadLetter(record, e.eventId(), e.aggregateId(), e.eventType(), e);
        }
        InboxResult result;
        try {
            result = inbox.receive(event);
        } catch (EventHandlingException e) {
            if (e.type() == FailureType.TRANSIENT) {
                return new Disposition(e);
            }
            return deadLetter(record, event.id(), event.aggregateId(), event.type(), e.getCause());
        } catch (RuntimeException e) {
            return new Disposition(e);
        }
        if (result == InboxResult.PARKED) {
            return park(record, event);
        }
        return Disposition.DONE;
    }

    /**
     * The records through the inbox in one transaction ({@link Inbox#receiveAll}).
     *
     * @return true when every record was applied or skipped; false when none was (one cannot be decoded, or the
     *         batch was rolled back): then each goes through {@link #process} alone
     */
    boolean processAll(List<ConsumerRecord<byte[], byte[]>> records) {
        List<InboxEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                events.add(RecordDecoder.decode(record));
            } catch (MalformedRecordException e) {
                return false;
            }
        }
        try {
            return inbox.receiveAll(events).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Disposition deadLetter(ConsumerRecord<byte[], byte[]> record, UUID eventId, String aggregateId,
            String eventType, Throwable reason) {
        try {
            inbox.deadLetter(eventId, aggregateId, eventType, reason);
            deadLetters.publish(record, reason, null);
        } catch (RuntimeException e) {
            return new Disposition(e);
        }
        LOG.warn("Dead-lettered {} ({} {} of aggregate {}) in consumer {}: {}", DeadLetterPublisher.describe(record),
                eventType, eventId, aggregateId, inbox.consumer(), reason.toString());
        return Disposition.DONE;
    }

    private Disposition park(ConsumerRecord<byte[], byte[]> record, InboxEvent event) {
        UUID blocking;
        try {
            blocking = inbox.parkedBehind(event.aggregateId()).orElse(null);
        } catch (RuntimeException e) {
            blocking = null; // only the reason text loses the id; the database holds the order
        }
        EventParkedException reason = new EventParkedException(event.id(), event.aggregateId(), blocking);
        try {
            deadLetters.publish(record, reason, blocking);
        } catch (RuntimeException e) {
            return new Disposition(e);
        }
        LOG.info("Parked {} ({} {} of aggregate {}) behind {} in consumer {}", DeadLetterPublisher.describe(record),
                event.type(), event.id(), event.aggregateId(), blocking, inbox.consumer());
        return Disposition.DONE;
    }
}
