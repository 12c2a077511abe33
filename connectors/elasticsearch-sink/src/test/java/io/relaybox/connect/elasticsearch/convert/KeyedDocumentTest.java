package io.relaybox.connect.elasticsearch.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.relaybox.connect.elasticsearch.client.DocumentWrite;

/** document.mode=keyed-json: a compacted topic's figures, one document per key, no outbox headers needed. */
class KeyedDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DocumentConverter converter = new DocumentConverter(new ConversionSettings("analytics-", "orders", Set.of(), Set.of(),
            OrderVersionSource.OCCURRED_AT, DocumentMode.KEYED_JSON));

    private static SinkRecord record(String topic, Object key, Object value) {
        return new SinkRecord(topic, 2, Schema.OPTIONAL_STRING_SCHEMA, key, Schema.OPTIONAL_STRING_SCHEMA, value, 41);
    }

    @Test
    void indexesTheValueUnderTheKeyInTheIndexOfTheTopicsNameAfterItsFirstDot() throws Exception {
        List<DocumentWrite> writes = converter.convert(record("analytics.revenue-per-hour", "EUR@2026-12-05T12:00:00Z",
                "{\"currency\":\"EUR\",\"windowStart\":\"2026-12-05T12:00:00Z\",\"net\":12.50}"));

        assertThat(writes).hasSize(1);
        DocumentWrite write = writes.get(0);
        assertThat(write.index()).isEqualTo("analytics-revenue-per-hour");
        assertThat(write.id()).isEqualTo("EUR@2026-12-05T12:00:00Z");
        assertThat(write.isVersioned()).isFalse();
        JsonNode document = JSON.readTree(write.source());
        assertThat(document.path("currency").asText()).isEqualTo("EUR");
        assertThat(document.path("net").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(document.has("eventId")).isFalse();
    }

    @Test
    void takesAKeyGivenAsBytes() {
        DocumentWrite write = converter.convert(record("analytics.orders-per-minute", "PLACED@x".getBytes(StandardCharsets.UTF_8),
                "{\"orders\":3}")).get(0);

        assertThat(write.id()).isEqualTo("PLACED@x");
        assertThat(write.index()).isEqualTo("analytics-orders-per-minute");
    }

    @Test
    void refusesARecordWithoutKeyOrWithAValueThatIsNoJsonObject() {
        assertThatThrownBy(() -> converter.convert(record("analytics.orders-per-minute", null, "{\"orders\":3}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no key");
        assertThatThrownBy(() -> converter.convert(record("analytics.orders-per-minute", "k", "[1,2]")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> converter.convert(record("analytics.orders-per-minute", "k", null)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no value");
    }
}
