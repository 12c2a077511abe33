package io.relaybox.inventory;

import java.util.List;
import java.util.UUID;

/**
 * An order's reservation as recorded: what the HTTP API returns, and the same on every repeat.
 *
 * @param orderId the order
 * @param status where it is
 * @param lines the units asked for, one line per SKU (lines of the same SKU summed), sorted by SKU; empty when
 *        {@link ReservationStatus#CANCELLED}
 * @param shortSkus the SKUs that were short; empty unless {@link ReservationStatus#REJECTED}
 */
public record Reservation(UUID orderId, ReservationStatus status, List<SkuQuantity> lines, List<Shortage> shortSkus) {

    public Reservation {
        lines = List.copyOf(lines);
        shortSkus = List.copyOf(shortSkus);
    }

    static Reservation cancelled(UUID orderId) {
        return new Reservation(orderId, ReservationStatus.CANCELLED, List.of(), List.of());
    }
}
