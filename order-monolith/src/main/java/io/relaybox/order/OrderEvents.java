package io.relaybox.order;

import org.springframework.stereotype.Component;

import io.relaybox.contracts.EventType;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxMessage;

/** Publishes the events of an order's changes through the outbox, in the caller's transaction. */
@Component
class OrderEvents {

    /** Routes to the topic {@code orders.events}. */
    static final String AGGREGATE_TYPE = EventType.Aggregate.ORDERS.aggregateType();
    static final String ORDER_PLACED = EventType.ORDER_PLACED.typeName();
    static final String ORDER_CANCELLED = EventType.ORDER_CANCELLED.typeName();
    static final String ORDER_CONFIRMED = EventType.ORDER_CONFIRMED.typeName();
    static final int SCHEMA_VERSION = 1;

    private final Outbox outbox;

    OrderEvents(Outbox outbox) {
        this.outbox = outbox;
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
        outbox.publish(OutboxMessage.of(AGGREGATE_TYPE, order.orderId().toString(), type, order)
                .withSchemaVersion(SCHEMA_VERSION));
    }
}
