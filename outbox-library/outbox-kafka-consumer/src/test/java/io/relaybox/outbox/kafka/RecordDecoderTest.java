package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.relaybox.outbox.inbox.InboxEvent;

class RecordDecoderTest {

    private static final UUID ID = UUID.fromString("0192f3c4-0a4b-7000-8000-000000000001");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsEveryHeaderTheOutboxEventRouterWrites() {
        Headers headers = routerHeaders();
        headers.add("traceparent", bytes(TRACEPARENT));
        headers.add("headers", bytes("{\"tenant\":\"eu\",\"attempt\":2}"));

        InboxEvent event = RecordDecoder.decode(record("o-1", "{\"orderId\":\"o-1\"}", headers));

        assertThat(event).isEqualTo(new InboxEvent(ID, "OrderPlaced", 3, "o-1",
                Instant.parse("2026-11-25T10:15:30.123456Z"), TRACEPARENT, Map.of("tenant", "eu", "attempt", "2"),
                "{\"orderId\":\"o-1\"}"));
    }

    @Test
    void treatsNullTraceparentAndHeadersAsAbsent() {
        Headers headers = routerHeaders();
        headers.add("traceparent", null);
        headers.add("headers", null);

        InboxEvent event = RecordDecoder.decode(record("o-1", "{}", headers));

        assertThat(event.traceparent()).isNull();
        assertThat(event.headers()).isEmpty();
    }

    @Test
    void defaultsAMissingSchemaVersionToOne() {
        Headers headers = new RecordHeaders().add("id", bytes(ID.toString())).add("type", bytes("OrderPlaced"));

        InboxEvent event = RecordDecoder.decode(record("o-1", "{}", headers));

        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.occurredAt()).isNull();
    }

    @Test
    void acceptsAnOccurredAtWithAnOffset() {
        Headers headers = new RecordHeaders().add("id", bytes(ID.toString())).add("type", bytes("OrderPlaced"))
                .add("occurredat", bytes("2026-11-25T11:15:30+01:00"));

        assertThat(RecordDecoder.decode(record("o-1", "{}", headers)).occurredAt())
                .isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
    }

    @Test
    void rejectsARecordWithoutIdAsMalformedAndUnparkable() {
        Headers headers = new RecordHeaders().add("type", bytes("OrderPlaced"));

        assertThatThrownBy(() -> RecordDecoder.decode(record("o-1", "{}", headers)))
                .isInstanceOfSatisfying(MalformedRecordException.class, e -> {
                    assertThat(e.eventId()).isNull();
                    assertThat(e.aggregateId()).isEqualTo("o-1");
                    assertThat(e.eventType()).isEqualTo("OrderPlaced");
                }).hasMessage("the record has no id header");
    }

    @Test
    void rejectsAnIdThatIsNotAUuid() {
        Headers headers = new RecordHeaders().add("id", bytes("42")).add("type", bytes("OrderPlaced"));

        assertThatThrownBy(() -> RecordDecoder.decode(record("o-1", "{}", headers)))
                .isInstanceOf(MalformedRecordException.class).hasMessage("the id header is not a UUID: 42");
    }

    @Test
    void keepsIdAndKeyOfAnOtherwiseMalformedRecordSoThatItParksItsAggregate() {
        Headers headers = routerHeaders();
        headers.add("headers", bytes("[1,2]"));

        assertThatThrownBy(() -> RecordDecoder.decode(record("o-1", "{}", headers)))
                .isInstanceOfSatisfying(MalformedRecordException.class, e -> {
                    assertThat(e.eventId()).isEqualTo(ID);
                    assertThat(e.aggregateId()).isEqualTo("o-1");
                }).hasMessageContaining("not a JSON object");
    }

    @Test
    void rejectsMissingKeyTypeOrValueAndBadVersionOrTime() {
        assertThatThrownBy(() -> RecordDecoder.decode(record(null, "{}", routerHeaders())))
                .hasMessage("the record has no key (the aggregate id)");
        assertThatThrownBy(() -> RecordDecoder.decode(record("o-1", null, routerHeaders())))
                .hasMessage("the record has no value (the payload)");
        assertThatThrownBy(() -> RecordDecoder.decode(record("o-1", "{}",
                new RecordHeaders().add("id", bytes(ID.toString())))))
                .hasMessage("the record has no type header");
        assertThatThrownBy(() -> RecordDecoder.decode(record("o-1", "{}", new RecordHeaders()
                .add("id", bytes(ID.toString())).add("type", bytes("T")).add("schemaversion", bytes("0")))))
                .hasMessage("the schemaversion header is not a positive integer: 0");
        assertThatThrownBy(() -> RecordDecoder.decode(record("o-1", "{}", new RecordHeaders()
                .add("id", bytes(ID.toString())).add("type", bytes("T")).add("occurredat", bytes("yesterday")))))
                .hasMessage("the occurredat header is not an ISO-8601 instant: yesterday");
    }

    private static Headers routerHeaders() {
        return new RecordHeaders().add("id", bytes(ID.toString())).add("type", bytes("OrderPlaced"))
                .add("schemaversion", bytes("3")).add("occurredat", bytes("2026-11-25T10:15:30.123456Z"));
    }

    static ConsumerRecord<byte[], byte[]> record(String key, String value, Headers headers) {
        return new ConsumerRecord<>("orders.events", 2, 17, 0L, TimestampType.CREATE_TIME, 0, 0,
                key == null ? null : bytes(key), value == null ? null : bytes(value), headers, Optional.empty());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
