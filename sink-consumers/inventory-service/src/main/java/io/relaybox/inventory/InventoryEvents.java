package io.relaybox.inventory;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.relaybox.contracts.EventType;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxMessage;

/** Publishes the outcome of each reservation through the outbox, in the caller's transaction. */
@Component
class InventoryEvents {

    /** Routes to the topic {@code inventory.events}. */
    static final String AGGREGATE_TYPE = EventType.Aggregate.INVENTORY.aggregateType();
    static final String RESERVED = EventType.INVENTORY_RESERVED.typeName();
    static final String REJECTED = EventType.INVENTORY_REJECTED.typeName();
    static final String RELEASED = EventType.INVENTORY_RELEASED.typeName();
    static final int SCHEMA_VERSION = 1;

    /** {@code InventoryReserved} and {@code InventoryReleased}: the units held or given back, per SKU. */
    record LinesPayload(UUID orderId, List<SkuQuantity> lines) {
    }

    /** {@code InventoryRejected}: the SKUs that were short. */
    record RejectedPayload(UUID orderId, List<Shortage> shortSkus) {
    }

    private final Outbox outbox;

    InventoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code InventoryReserved} or {@code InventoryRejected}, by the reservation's status. */
    void decided(Reservation reservation) {
        if (reservation.status() == ReservationStatus.RESERVED) {
            publish(reservation.orderId(), RESERVED, new LinesPayload(reservation.orderId(), reservation.lines()));
        } else {
            publish(reservation.orderId(), REJECTED,
                    new RejectedPayload(reservation.orderId(), reservation.shortSkus()));
        }
    }

    void released(Reservation reservation) {
        publish(reservation.orderId(), RELEASED, new LinesPayload(reservation.orderId(), reservation.lines()));
    }

    private void publish(UUID orderId, String type, Object payload) {
        outbox.publish(OutboxMessage.of(AGGREGATE_TYPE, orderId.toString(), type, payload)
                .withSchemaVersion(SCHEMA_VERSION));
    }
}
