package io.relaybox.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorDefinition;

class RecordConversionTest {

    @Test
    void writesKeyValueAndHeadersAsTheConnectorFilesConvertersWouldInConnect() {
        RecordConversion conversion = RecordConversion.of(
                ConnectorDefinition.read(EnginePropertiesTest.connectorFile("orders-outbox-source.json")).config());
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("id", "0193f0c2-0000-7000-8000-000000000001");
        headers.addString("type", "OrderPlaced");
        headers.addInt("schemaversion", 2);
        SourceRecord record = new SourceRecord(Map.of("server", "orders"), Map.of("lsn", 42L), "orders.events", null, Schema.STRING_SCHEMA,
                "order-1", Schema.STRING_SCHEMA, "{\"orderId\":\"order-1\"}", 1_700_000_000_000L, headers);

        ProducerRecord<byte[], byte[]> converted = conversion.toProducerRecord(record);

        assertThat(converted.topic()).isEqualTo("orders.events");
        assertThat(converted.partition()).isNull();
        assertThat(converted.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(new String(converted.key(), StandardCharsets.UTF_8)).isEqualTo("order-1");
        assertThat(new String(converted.value(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"order-1\"}");
        assertThat(new String(converted.headers().lastHeader("type").value(), StandardCharsets.UTF_8)).isEqualTo("OrderPlaced");
        assertThat(new String(converted.headers().lastHeader("schemaversion").value(), StandardCharsets.UTF_8)).isEqualTo("2");
    }
}
