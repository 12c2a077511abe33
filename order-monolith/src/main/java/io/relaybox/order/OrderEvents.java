package io.relaybox.order;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.relaybox.contracts.EventType;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes the events of an order's changes through the outbox, in the caller's transaction. The order events carry
 * the order as the API returns it, in schema version 2 (with the sales channel) unless {@code relaybox.events.order-version}
 * says 1: an instance set so writes what the monolith wrote before v2, as an instance not yet upgraded would during a
 * rolling upgrade; consumers read both.
 */
@Component
class OrderEvents {

    /** Routes to the topic {@code orders.events}. */
    static final String AGGREGATE_TYPE = EventType.Aggregate.ORDERS.aggregateType();
    static final String ORDER_PLACED = EventType.ORDER_PLACED.typeName();
    static final String ORDER_CANCELLED = EventType.ORDER_CANCELLED.typeName();
    static final String ORDER_CONFIRMED = EventType.ORDER_CONFIRMED.typeName();
    /** The versions this monolith can write: 1 (before the sales channel) and the current one. */
    static final int FIRST_VERSION = 1;
    static final int CURRENT_VERSION = EventType.ORDER_PLACED.currentVersion();

    private final Outbox outbox;
    private final JsonMapper json;
    private final int version;

    OrderEvents(Outbox outbox, JsonMapper json, @Value("${relaybox.events.order-version:2}") int version) {
        if (version < FIRST_VERSION || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("relaybox.events.order-version must be " + FIRST_VERSION + " or " + CURRENT_VERSION
                    + ", was: " + version);
        }
        this.outbox = outbox;
        this.json = json;
        this.version = version;
    }

    void placed(Order order) {
        publish(ORDER_PLACED, order);
    }

    void cancelled(Order order) {
        publish(ORDER_CANCELLED, order);
    }

    void confirmed(Order order) {
        publish(ORDER_CONFIRMED, order);
    }

    private void publish(String type, Order order) {
        outbox.publish(OutboxMessage.of(AGGREGATE_TYPE, order.orderId().toString(), type, payload(order)).withSchemaVersion(version));
    }

    /** The order as the events' version has it: v1 had no sales channel. */
    private Object payload(Order order) {
        if (version >= 2) {
            return order;
        }
        ObjectNode v1 = json.valueToTree(order);
        v1.remove("salesChannel");
        return v1;
    }
}
