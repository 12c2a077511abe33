package io.relaybox.outbox.kafka;

import static io.relaybox.outbox.kafka.RecordDecoderTest.bytes;
import static io.relaybox.outbox.kafka.RecordDecoderTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.relaybox.outbox.OutboxException;
import io.relaybox.outbox.inbox.EventHandlingException;
import io.relaybox.outbox.inbox.EventParkedException;
import io.relaybox.outbox.inbox.FailureType;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.InboxMetrics;
import io.relaybox.outbox.inbox.InboxResult;
import io.relaybox.outbox.inbox.UnknownEventTypeException;

/** What the processor does with each outcome of the inbox, with a scripted inbox and a mock producer. */
class RecordProcessorTest {

    private static final UUID ID = UUID.fromString("0192f3c4-0a4b-7000-8000-000000000001");
    private static final UUID BLOCKING = UUID.fromString("0192f3c4-0a4b-7000-8000-000000000000");

    private final ScriptedInbox inbox = new ScriptedInbox();
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final RecordProcessor processor = new RecordProcessor(inbox,
            new DeadLetterPublisher("inventory-service", () -> producer, null));

    @Test
    void isDoneWithAnAppliedOrDuplicateRecord() {
        inbox.result = InboxResult.APPLIED;
        assertThat(processor.process(event()).retry()).isFalse();
        inbox.result = InboxResult.SKIPPED_DUPLICATE;
        assertThat(processor.process(event()).retry()).isFalse();

        assertThat(producer.history()).isEmpty();
    }

    @Test
    void retriesATransientFailureWithoutDeadLettering() {
        inbox.failure = new EventHandlingException("x", new SQLTransientConnectionException("down"),
                FailureType.TRANSIENT, ID);

        RecordProcessor.Disposition disposition = processor.process(event());

        assertThat(disposition.retry()).isTrue();
        assertThat(disposition.transientFailure()).isSameAs(inbox.failure);
        assertThat(inbox.deadLetters).isEmpty();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void recordsAndSendsAPermanentFailureWithTheHandlersException() {
        UnknownEventTypeException cause = new UnknownEventTypeException("no handler for OrderShipped v1");
        inbox.failure = new EventHandlingException("x", cause, FailureType.PERMANENT, ID);

        assertThat(processor.process(event()).retry()).isFalse();

        assertThat(inbox.deadLetters).containsExactly(ID + " o-1 OrderPlaced " + cause.getClass().getName());
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("orders.events.dlq");
        assertThat(header(sent, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(UnknownEventTypeException.class.getName());
        assertThat(header(sent, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("no handler for OrderShipped v1");
    }

    @Test
    void sendsAParkedRecordWithTheEventItWaitsFor() {
        inbox.result = InboxResult.PARKED;
        inbox.blocking = BLOCKING;

        assertThat(processor.process(event()).retry()).isFalse();

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(header(sent, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(EventParkedException.class.getName());
        assertThat(header(sent, DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("parked behind " + BLOCKING);
        assertThat(header(sent, DeadLetterHeaders.PARKED_BEHIND)).isEqualTo(BLOCKING.toString());
        assertThat(inbox.deadLetters).isEmpty();
    }

    @Test
    void deadLettersAMalformedRecordWithoutAskingTheInboxToApplyIt() {
        Headers noId = new RecordHeaders().add("type", bytes("OrderPlaced"));

        assertThat(processor.process(record("o-1", "{}", noId)).retry()).isFalse();

        assertThat(inbox.received).isZero();
        assertThat(inbox.deadLetters).containsExactly("null o-1 OrderPlaced " + MalformedRecordException.class.getName());
        assertThat(header(producer.history().get(0), DeadLetterHeaders.EXCEPTION_MESSAGE))
                .isEqualTo("the record has no id header");
    }

    @Test
    void retriesWhenTheDeadLetterCannotBeRecordedOrSent() {
        inbox.failure = new EventHandlingException("x", new UnknownEventTypeException("no handler"),
                FailureType.PERMANENT, ID);
        inbox.deadLetterFailure = new OutboxException("database down");
        assertThat(processor.process(event()).retry()).isTrue();
        assertThat(producer.history()).isEmpty();

        inbox.deadLetterFailure = null;
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("no broker");
        assertThat(processor.process(event()).retry()).isTrue();
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> event() {
        return record("o-1", "{}", new RecordHeaders().add("id", bytes(ID.toString()))
                .add("type", bytes("OrderPlaced")));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** An inbox that answers as told and remembers dead letters. */
    static final class ScriptedInbox implements Inbox {

        InboxResult result = InboxResult.APPLIED;
        EventHandlingException failure;
        RuntimeException deadLetterFailure;
        UUID blocking;
        int received;
        final List<String> deadLetters = new ArrayList<>();

        @Override
        public String consumer() {
            return "inventory-service";
        }

        @Override
        public InboxResult receive(InboxEvent event) {
            received++;
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        @Override
        public void deadLetter(UUID eventId, String aggregateId, String eventType, Throwable failure) {
            if (deadLetterFailure != null) {
                throw deadLetterFailure;
            }
            deadLetters.add(eventId + " " + aggregateId + " " + eventType + " " + failure.getClass().getName());
        }

        @Override
        public Optional<UUID> parkedBehind(String aggregateId) {
            return Optional.ofNullable(blocking);
        }

        @Override
        public InboxMetrics metrics() {
            return new InboxMetrics(0, 0, 0, 0, 0, 0, 0);
        }
    }
}
