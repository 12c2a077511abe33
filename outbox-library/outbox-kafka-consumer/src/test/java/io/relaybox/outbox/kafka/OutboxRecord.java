package io.relaybox.outbox.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.relaybox.testkit.TestRecordTime;

/** A record as Debezium's Outbox Event Router writes it: key = aggregate id, value = payload, the event headers. */
record OutboxRecord(UUID id, String aggregateId, String type, int schemaVersion, String payload) {

    static OutboxRecord of(String aggregateId, String type) {
        UUID id = UUID.randomUUID();
        return new OutboxRecord(id, aggregateId, type, 1, "{\"aggregate\":\"" + aggregateId + "\",\"event\":\"" + id
                + "\"}");
    }

    OutboxRecord withPayload(String payload) {
        return new OutboxRecord(id, aggregateId, type, schemaVersion, payload);
    }

    OutboxRecord withType(String type) {
        return new OutboxRecord(id, aggregateId, type, schemaVersion, payload);
    }

    List<Header> headers() {
        return List.of(header("id", id.toString()), header("type", type),
                header("schemaversion", Integer.toString(schemaVersion)),
                header("occurredat", TestRecordTime.base().toString()),
                new RecordHeader("traceparent", null), new RecordHeader("headers", null));
    }

    ProducerRecord<String, String> toRecord(String topic) {
        return new ProducerRecord<>(topic, null, null, aggregateId, payload, headers());
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
