package io.relaybox.outbox.kafka;

import static io.relaybox.outbox.kafka.RecordDecoderTest.bytes;
import static io.relaybox.outbox.kafka.RecordDecoderTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.relaybox.outbox.inbox.EventContractViolationException;
import io.relaybox.outbox.inbox.EventParkedException;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import io.relaybox.outbox.inbox.UnknownEventTypeException;
import io.relaybox.outbox.inbox.UnparseablePayloadException;

class DeadLetterPublisherTest {

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final DeadLetterPublisher publisher = new DeadLetterPublisher("inventory-service", () -> producer, null);

    @Test
    void keepsKeyValueAndHeadersAndAddsTheReasonAndSource() {
        Headers original = new RecordHeaders().add("id", bytes("e-1")).add("type", bytes("OrderPlaced"))
                .add("traceparent", null);

        publisher.publish(record("o-1", "{\"orderId\":\"o-1\"}", original), new PermanentEventFailure("bad quantity"),
                null);

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("orders.events.dlq");
        assertThat(sent.key()).isEqualTo(bytes("o-1"));
        assertThat(sent.value()).isEqualTo(bytes("{\"orderId\":\"o-1\"}"));
        assertThat(sent.headers().toArray()).extracting(Header::key).containsExactly("id", "type", "traceparent",
                DeadLetterHeaders.EXCEPTION_CLASS, DeadLetterHeaders.EXCEPTION_MESSAGE, DeadLetterHeaders.REASON, DeadLetterHeaders.SOURCE_TOPIC,
                DeadLetterHeaders.SOURCE_PARTITION, DeadLetterHeaders.SOURCE_OFFSET, DeadLetterHeaders.CONSUMER);
        assertThat(sent.headers().lastHeader("traceparent").value()).isNull();
        assertThat(text(sent, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(PermanentEventFailure.class.getName());
        assertThat(text(sent, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("bad quantity");
        assertThat(text(sent, DeadLetterHeaders.REASON)).isEqualTo("handler");
        assertThat(text(sent, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("orders.events");
        assertThat(text(sent, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(text(sent, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("17");
        assertThat(text(sent, DeadLetterHeaders.CONSUMER)).isEqualTo("inventory-service");
    }

    @Test
    void replacesTheReasonOfARecordThatWasDeadLetteredBefore() {
        Headers redriven = new RecordHeaders().add("id", bytes("e-1"))
                .add(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes("old reason"));

        publisher.publish(record("o-1", "{}", redriven), new PermanentEventFailure("new reason"), null);

        assertThat(producer.history().get(0).headers().headers(DeadLetterHeaders.EXCEPTION_MESSAGE)).hasSize(1);
        assertThat(text(producer.history().get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("new reason");
    }

    @Test
    void namesTheEventAParkedRecordWaitsFor() {
        UUID blocking = UUID.randomUUID();

        publisher.publish(record("o-1", "{}", new RecordHeaders()), new PermanentEventFailure("parked"), blocking);

        assertThat(text(producer.history().get(0), DeadLetterHeaders.PARKED_BEHIND)).isEqualTo(blocking.toString());
    }

    @Test
    void saysSchemaAndListsTheFirstViolationsOfAPayloadThatBreaksItsContract() {
        InboxEvent event = InboxEvent.of(UUID.randomUUID(), "OrderPlaced", "o-1", "{}");
        List<String> violations = IntStream.rangeClosed(1, 7).mapToObj(i -> "/lines/" + i + "/quantity: must be at least 1").toList();

        publisher.publish(record("o-1", "{}", new RecordHeaders()), new EventContractViolationException(event, violations), null);

        assertThat(text(producer.history().get(0), DeadLetterHeaders.REASON)).isEqualTo("schema");
        assertThat(text(producer.history().get(0), DeadLetterHeaders.VIOLATIONS).split("\n")).containsExactlyElementsOf(violations.subList(0, 5));
        assertThat(text(producer.history().get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("OrderPlaced v1", "breaks its contract",
                "/lines/1/quantity", "and 2 more");
    }

    @Test
    void namesTheKindOfFailureInOneWordFromTheFailureOrItsCauses() {
        InboxEvent event = InboxEvent.of(UUID.randomUUID(), "OrderPlaced", "o-1", "{}");

        assertThat(DeadLetterReason.of(new RuntimeException(new EventContractViolationException(event, List.of("/: not an object")))))
                .isEqualTo("schema");
        assertThat(DeadLetterReason.of(new UnparseablePayloadException("no JSON", null))).isEqualTo("unparseable");
        assertThat(DeadLetterReason.of(new UnknownEventTypeException("no handler for OrderTeleported v1"))).isEqualTo("unknown-type");
        assertThat(DeadLetterReason.of(new EventParkedException(event.id(), "o-1", null))).isEqualTo("parked");
        assertThat(DeadLetterReason.of(new IllegalStateException(new SQLException("value too long", "22001")))).isEqualTo("data");
        assertThat(DeadLetterReason.of(new IllegalStateException("refused"))).isEqualTo("handler");
        assertThat(DeadLetterReason.violations(new IllegalStateException("refused"))).isEmpty();
    }

    @Test
    void truncatesAVeryLongMessage() {
        publisher.publish(record("o-1", "{}", new RecordHeaders()), new PermanentEventFailure("x".repeat(10_000)),
                null);

        assertThat(text(producer.history().get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).hasSize(4000);
    }

    private static String text(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
