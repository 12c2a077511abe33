package io.relaybox.order.migration;

import java.util.List;
import java.util.UUID;

/**
 * Everything that decides stock, on either side: what a back-fill copies from the authoritative side to the other
 * (inventory-service's {@code GET} / {@code PUT /migration/state}, the legacy module's tables).
 *
 * @param stock every SKU's levels
 * @param reservations every order's reservation (RESERVED, REJECTED, RELEASED, CANCELLED) with its lines
 */
public record InventoryState(List<Stock> stock, List<Reservation> reservations) {

    public InventoryState {
        stock = List.copyOf(stock);
        reservations = List.copyOf(reservations);
    }

    public record Stock(String sku, int onHand, int reserved, int initial) {
    }

    public record Reservation(UUID orderId, String status, List<Line> lines) {

        public Reservation {
            lines = List.copyOf(lines);
        }
    }

    public record Line(String sku, int quantity) {
    }
}
