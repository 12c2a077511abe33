package io.relaybox.service.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.relaybox.contracts.EventType;
import io.relaybox.testkit.TestRecordTime;

/**
 * A record of {@code orders.events} as Debezium's Outbox Event Router writes it: key = order id, value = the order
 * JSON, headers {@code id}, {@code type}, {@code schemaversion}, {@code occurredat}, {@code traceparent},
 * {@code headers}.
 *
 * @param id the event id (header {@code id})
 * @param orderId the record key
 * @param type the event type (header {@code type})
 * @param schemaVersion header {@code schemaversion}
 * @param payload the record value
 */
public record OrderEvent(UUID id, UUID orderId, String type, int schemaVersion, String payload) {

    public static final String TOPIC = EventType.Aggregate.ORDERS.topic();

    /** {@code OrderPlaced} in its current version (v2: placed by phone), with a new event id. */
    public static OrderEvent placed(TestOrder order) {
        return current(EventType.ORDER_PLACED, order, order.placedJson());
    }

    /** {@code OrderPlaced} v1 of the order (as written before the sales channel), with a new event id. */
    public static OrderEvent placedV1(TestOrder order) {
        return new OrderEvent(UUID.randomUUID(), order.orderId(), EventType.ORDER_PLACED.typeName(), 1, order.placedJson());
    }

    /** {@code OrderConfirmed} in its current version, with a new event id. */
    public static OrderEvent confirmed(TestOrder order) {
        return current(EventType.ORDER_CONFIRMED, order, order.confirmedJson());
    }

    /** {@code OrderCancelled} in its current version, with a new event id. */
    public static OrderEvent cancelled(TestOrder order) {
        return current(EventType.ORDER_CANCELLED, order, order.cancelledJson());
    }

    /** {@code OrderCancelled} v1 of the order, with a new event id. */
    public static OrderEvent cancelledV1(TestOrder order) {
        return new OrderEvent(UUID.randomUUID(), order.orderId(), EventType.ORDER_CANCELLED.typeName(), 1, order.cancelledJson());
    }

    /** The v1 payload with what v2 added, the sales channel (the rest as written: 2.50 stays 2.50). */
    private static OrderEvent current(EventType type, TestOrder order, String v1Payload) {
        String payload = "{\"salesChannel\":\"PHONE\"," + v1Payload.substring(v1Payload.indexOf('{') + 1);
        return new OrderEvent(UUID.randomUUID(), order.orderId(), type.typeName(), type.currentVersion(), payload);
    }

    /** The same event under a new event id, as a producer that sent it twice would publish it. */
    public OrderEvent withNewId() {
        return new OrderEvent(UUID.randomUUID(), orderId, type, schemaVersion, payload);
    }

    public OrderEvent withType(String newType) {
        return new OrderEvent(id, orderId, newType, schemaVersion, payload);
    }

    public OrderEvent withSchemaVersion(int version) {
        return new OrderEvent(id, orderId, type, version, payload);
    }

    public OrderEvent withPayload(String newPayload) {
        return new OrderEvent(id, orderId, type, schemaVersion, newPayload);
    }

    /** The record for {@link #TOPIC}, partitioned by key (or into the given partition when not null). */
    public ProducerRecord<String, String> toRecord(Integer partition) {
        List<Header> headers = List.of(header("id", id.toString()), header("type", type),
                header("schemaversion", Integer.toString(schemaVersion)),
                header("occurredat", TestRecordTime.base().toString()),
                new RecordHeader("traceparent", null), new RecordHeader("headers", null));
        return new ProducerRecord<>(TOPIC, partition, null, orderId.toString(), payload, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
