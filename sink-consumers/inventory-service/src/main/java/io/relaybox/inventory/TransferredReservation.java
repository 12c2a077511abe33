package io.relaybox.inventory;

import java.util.List;
import java.util.UUID;

/**
 * An order's reservation as a state transfer carries it: its outcome and its lines, without the shortages of a
 * rejection (the side that receives it never decides that order again, it only answers with the status).
 *
 * @param orderId the order
 * @param status where it is; never the transient DECIDING
 * @param lines one line per SKU, sorted by SKU; empty when {@link ReservationStatus#CANCELLED}
 */
public record TransferredReservation(UUID orderId, ReservationStatus status, List<SkuQuantity> lines) {

    public TransferredReservation {
        lines = List.copyOf(lines);
    }
}
