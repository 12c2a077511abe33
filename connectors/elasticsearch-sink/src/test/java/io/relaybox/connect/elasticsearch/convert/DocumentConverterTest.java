package io.relaybox.connect.elasticsearch.convert;

import static io.relaybox.connect.elasticsearch.convert.OutboxRecords.order;
import static io.relaybox.connect.elasticsearch.convert.OutboxRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.relaybox.connect.elasticsearch.client.DocumentWrite;

class DocumentConverterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PLACED = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final ConversionSettings SETTINGS = new ConversionSettings("events-", "orders", Set.of("orders.events"),
            Set.of("OrderPlaced", "OrderConfirmed", "OrderCancelled"), OrderVersionSource.OCCURRED_AT);

    private static final Instant NOW = PLACED.plusMillis(1_500);

    private final DocumentConverter converter = new DocumentConverter(SETTINGS, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

    @Test
    void indexesTheEventUnderItsIdWithEnvelopeFieldsAndPayload() throws Exception {
        SinkRecord record = record("orders.events", 3, 1234, "o-1", "e-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "2.50"));

        DocumentWrite event = converter.convert(record).get(0);

        assertThat(event.index()).isEqualTo("events-orders.events");
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.isVersioned()).isFalse();
        JsonNode document = JSON.readTree(event.source());
        assertThat(document.path("eventId").asText()).isEqualTo("e-1");
        assertThat(document.path("type").asText()).isEqualTo("OrderPlaced");
        assertThat(document.path("aggregateId").asText()).isEqualTo("o-1");
        assertThat(document.path("occurredAt").asText()).isEqualTo("2026-11-25T10:00:00.123456Z");
        assertThat(document.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(document.path("topic").asText()).isEqualTo("orders.events");
        assertThat(document.path("partition").asInt()).isEqualTo(3);
        assertThat(document.path("offset").asLong()).isEqualTo(1234);
        assertThat(document.has("traceparent")).isFalse();
        assertThat(document.path("payload").path("lines").get(0).path("sku").asText()).isEqualTo("SKU-APPLE");
    }

    @Test
    void givesTheTraceparentsIdsAsEcsTraceAndSpanIdForKibana() throws Exception {
        SinkRecord record = withTraceparent(record("orders.events", 0, 1, "o-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "2.50")),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        JsonNode document = JSON.readTree(converter.convert(record).get(0).source());

        assertThat(document.path("traceparent").asText()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(document.path("trace").path("id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(document.path("span").path("id").asText()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void indexesAnEventWithAnInvalidTraceparentWithoutTraceId() throws Exception {
        for (String invalid : new String[] { "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "not-a-trace",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x" }) {
            SinkRecord record = withTraceparent(record("orders.events", 0, 1, "o-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "2.50")),
                    invalid);

            JsonNode document = JSON.readTree(converter.convert(record).get(0).source());

            assertThat(document.path("traceparent").asText()).as(invalid).isEqualTo(invalid);
            assertThat(document.has("trace")).as(invalid).isFalse();
            assertThat(document.has("span")).as(invalid).isFalse();
        }
    }

    @Test
    void recordsWhenTheEventWasIndexedAndHowLongAfterItOccurred() throws Exception {
        SinkRecord record = record("orders.events", 0, 1, "o-1", "e-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "2.50"));

        JsonNode document = JSON.readTree(converter.convert(record).get(0).source());

        assertThat(document.path("indexedAt").asText()).isEqualTo(NOW.toString());
        assertThat(document.path("endToEndLagMs").asLong()).isEqualTo(1_500);
    }

    @Test
    void keepsThePayloadsNumbersAsWritten() {
        SinkRecord record = record("orders.events", 0, 1, "o-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "2.50"));

        String source = new String(converter.convert(record).get(0).source(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(source).contains("\"total\":2.50").contains("\"lineTotal\":2.50");
    }

    @Test
    void writesTheOrderStateWithTheEventTimeInMicrosecondsAsExternalVersion() throws Exception {
        SinkRecord record = record("orders.events", 3, 1234, "o-1", "e-2", "OrderConfirmed", PLACED, order("o-1", "CONFIRMED", "2.50"));

        List<DocumentWrite> writes = converter.convert(record);

        assertThat(writes).hasSize(2);
        DocumentWrite order = writes.get(1);
        assertThat(order.index()).isEqualTo("orders");
        assertThat(order.id()).isEqualTo("o-1");
        assertThat(order.externalVersion()).hasValue(1_795_600_800_123_456L);
        JsonNode document = JSON.readTree(order.source());
        assertThat(document.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(document.path("lastEvent").path("eventId").asText()).isEqualTo("e-2");
        assertThat(document.path("lastEvent").path("type").asText()).isEqualTo("OrderConfirmed");
        assertThat(document.path("lastEvent").path("offset").asLong()).isEqualTo(1234);
    }

    @Test
    void versionsOrdersByOffsetWhenConfigured() {
        DocumentConverter byOffset = new DocumentConverter(new ConversionSettings("events-", "orders", Set.of("orders.events"),
                Set.of("OrderPlaced"), OrderVersionSource.KAFKA_OFFSET));

        DocumentWrite order = byOffset.convert(record("orders.events", 0, 0, "o-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "1"))).get(1);

        assertThat(order.externalVersion()).hasValue(1L);
    }

    @Test
    void givesEveryCopyOfAnEventTheSameOrderVersion() {
        SinkRecord original = record("orders.events", 0, 10, "o-1", "e-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "1"));
        SinkRecord resent = record("orders.events", 0, 99, "o-1", "e-1", "OrderPlaced", PLACED, order("o-1", "PENDING", "1"));

        assertThat(converter.convert(resent).get(1).externalVersion()).isEqualTo(converter.convert(original).get(1).externalVersion());
    }

    @Test
    void writesOnlyTheEventDocumentForOtherTopicsAndTypes() {
        assertThat(converter.convert(record("inventory.events", 0, 1, "o-1", "InventoryReserved", PLACED, "{\"orderId\":\"o-1\"}")))
                .hasSize(1);
        assertThat(converter.convert(record("orders.events", 0, 1, "o-1", "OrderNoted", PLACED, "{\"orderId\":\"o-1\"}"))).hasSize(1);
    }

    @Test
    void lowerCasesTheTopicInTheIndexName() {
        assertThat(converter.convert(record("Legacy.Orders", 0, 1, "o-1", "Noted", PLACED, "{}")).get(0).index())
                .isEqualTo("events-legacy.orders");
    }

    @Test
    void readsHeadersThatSimpleHeaderConverterTyped() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("id", "e-1");
        headers.addString("type", "OrderPlaced");
        headers.addByte("schemaversion", (byte) 2);
        headers.addTimestamp("occurredat", Date.from(Instant.parse("2026-11-25T10:00:00.123Z")));
        SinkRecord record = new SinkRecord("orders.events", 0, Schema.STRING_SCHEMA, "o-1", Schema.STRING_SCHEMA, order("o-1", "PENDING", "1"),
                5, null, null, headers);

        OutboxEvent event = OutboxEvent.of(record);

        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
    }

    @Test
    void rejectsAPayloadThatIsNotJson() {
        assertThatThrownBy(() -> converter.convert(record("orders.events", 0, 1, "o-1", "OrderPlaced", PLACED, "not json")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("the payload is not JSON");
    }

    @Test
    void rejectsAPayloadThatIsNotAnObject() {
        assertThatThrownBy(() -> converter.convert(record("orders.events", 0, 1, "o-1", "OrderPlaced", PLACED, "[1,2]")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not a JSON object but array");
    }

    @Test
    void rejectsARecordWithoutEventId() {
        SinkRecord record = new SinkRecord("orders.events", 0, Schema.STRING_SCHEMA, "o-1", Schema.STRING_SCHEMA, "{}", 1);

        assertThatThrownBy(() -> converter.convert(record)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("no id header");
    }

    @Test
    void rejectsAnUnreadableOccurredAt() {
        SinkRecord record = record("orders.events", 0, 1, "o-1", "OrderPlaced", PLACED, "{}");
        record.headers().remove("occurredat").addString("occurredat", "yesterday");

        assertThatThrownBy(() -> converter.convert(record)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not an ISO-8601 instant: yesterday");
    }

    @Test
    void takesTheOrderIdFromThePayloadWhenTheRecordHasNoKey() {
        DocumentWrite order = converter.convert(record("orders.events", 0, 1, null, "OrderPlaced", PLACED, order("o-9", "PENDING", "1"))).get(1);

        assertThat(order.id()).isEqualTo("o-9");
    }

    private static SinkRecord withTraceparent(SinkRecord record, String traceparent) {
        record.headers().remove("traceparent");
        record.headers().addString("traceparent", traceparent);
        return record;
    }
}
