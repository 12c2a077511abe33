package io.relaybox.connect.elasticsearch.convert;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records shaped like the Outbox Event Router's, with headers as text (StringConverter). */
public final class OutboxRecords {

    private OutboxRecords() {
    }

    public static SinkRecord record(String topic, int partition, long offset, String key, String type, Instant occurredAt, String payload) {
        return record(topic, partition, offset, key, UUID.randomUUID().toString(), type, occurredAt, payload);
    }

    public static SinkRecord record(String topic, int partition, long offset, String key, String eventId, String type, Instant occurredAt,
            String payload) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("id", eventId);
        headers.addString("type", type);
        headers.addString("schemaversion", "1");
        headers.addString("occurredat", occurredAt.toString());
        headers.addString("traceparent", null);
        headers.addString("headers", null);
        return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, key, Schema.STRING_SCHEMA, payload, offset, null, null, headers);
    }

    /** An order as the monolith's OrderPlaced/OrderConfirmed/OrderCancelled payload carries it. */
    public static String order(String orderId, String status, String total) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1\",\"currency\":\"EUR\",\"status\":\"" + status + "\","
                + "\"lines\":[{\"sku\":\"SKU-APPLE\",\"quantity\":2,\"unitPrice\":1.25,\"lineTotal\":2.50}],\"total\":" + total
                + ",\"placedAt\":\"2026-11-25T10:00:00.123456Z\"}";
    }
}
