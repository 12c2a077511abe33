package io.relaybox.inventory;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.relaybox.contracts.EventType;
import io.relaybox.contracts.payload.InventoryLinesPayload;
import io.relaybox.contracts.payload.InventoryRejectedPayload;
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
    static final int SCHEMA_VERSION = EventType.INVENTORY_RESERVED.currentVersion();

    private final Outbox outbox;

    InventoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code InventoryReserved} or {@code InventoryRejected}, by the reservation's status. */
    void decided(Reservation reservation) {
        if (reservation.status() == ReservationStatus.RESERVED) {
            publish(reservation.orderId(), RESERVED, lines(reservation));
        } else {
            publish(reservation.orderId(), REJECTED,
                    new InventoryRejectedPayload(reservation.orderId(), reservation.shortSkus().stream()
                            .map(s -> new InventoryRejectedPayload.ShortSku(s.sku(), s.requested(), s.available())).toList()));
        }
    }

    void released(Reservation reservation) {
        publish(reservation.orderId(), RELEASED, lines(reservation));
    }

    private static InventoryLinesPayload lines(Reservation reservation) {
        return new InventoryLinesPayload(reservation.orderId(),
                reservation.lines().stream().map(line -> new InventoryLinesPayload.Line(line.sku(), line.quantity())).toList());
    }

    private void publish(UUID orderId, String type, Object payload) {
        outbox.publish(OutboxMessage.of(AGGREGATE_TYPE, orderId.toString(), type, payload)
                .withSchemaVersion(SCHEMA_VERSION));
    }
}
