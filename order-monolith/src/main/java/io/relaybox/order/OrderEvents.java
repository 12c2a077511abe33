package io.relaybox.order;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.relaybox.contracts.EventType;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxMessage;

/**
 * Publishes the events of an order's changes through the outbox, in the caller's transaction. The order events carry
 * the order as the API returns it ({@link OrderPayload}), in schema version 2 (with the sales channel) unless {@code relaybox.events.order-version}
 * says 1: an instance set so writes what the monolith wrote before v2, as an instance not yet upgraded would during a
 * rolling upgrade; consumers read both. {@code relaybox.events.previous-version-share} (0 to 1, default 0) keeps that
 * share of the orders, chosen by order id, on the version before: a gradual rollout, in which v1 and v2 flow side by
 * side (the local platform runs the monolith with 0.5).
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
    private final int version;
    /** Of every 1,000 orders (by order id), how many still get the version before {@link #version}. */
    private final int previousPerMille;

    OrderEvents(Outbox outbox, @Value("${relaybox.events.order-version:2}") int version,
            @Value("${relaybox.events.previous-version-share:0}") double previousVersionShare) {
        if (version < FIRST_VERSION || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("relaybox.events.order-version must be " + FIRST_VERSION + " or " + CURRENT_VERSION
                    + ", was: " + version);
        }
        if (!(previousVersionShare >= 0 && previousVersionShare <= 1)) {
            throw new IllegalArgumentException("relaybox.events.previous-version-share must be between 0 and 1, was: " + previousVersionShare);
        }
        this.outbox = outbox;
        this.version = version;
        this.previousPerMille = version > FIRST_VERSION ? (int) Math.round(previousVersionShare * 1000) : 0;
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
        int written = versionOf(order);
        outbox.publish(OutboxMessage.of(AGGREGATE_TYPE, order.orderId().toString(), type, payload(order, written)).withSchemaVersion(written)
                .withHeaders(modeHeaders(order.modes())));
    }

    /** The version of an order's events: the same for all of them, chosen by its id when a share keeps the previous one. */
    int versionOf(Order order) {
        return Math.floorMod(order.orderId().hashCode(), 1000) < previousPerMille ? version - 1 : version;
    }

    /**
     * Who decides each capability of the order ({@code relaybox.migration.inventory}, {@code relaybox.migration.payment}):
     * a service reserves or charges on {@code OrderPlaced} only in modes {@code shadow} and {@code events}.
     */
    static Map<String, String> modeHeaders(OrderModes modes) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Capability capability : Capability.values()) {
            headers.put(capability.headerName(), modes.of(capability).wireName());
        }
        return headers;
    }

    /** The order as the events' version has it: v1 had no sales channel. */
    private static OrderPayload payload(Order order, int written) {
        OrderPayload payload = new OrderPayload(order.orderId(), order.customerId(),
                order.salesChannel() == null ? null : order.salesChannel().name(), order.currency(), order.status().name(),
                order.lines().stream().map(line -> new OrderPayload.Line(line.sku(), line.quantity(), line.unitPrice(), line.lineTotal()))
                        .toList(),
                order.total(), order.placedAt(), order.cancelledAt(), order.cancellationReason(), order.inventoryStatus(),
                order.paymentStatus(), order.confirmedAt());
        return written >= 2 ? payload : payload.asVersion1();
    }
}
