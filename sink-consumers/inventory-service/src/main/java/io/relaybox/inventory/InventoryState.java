package io.relaybox.inventory;

import java.util.List;

/**
 * The inventory as one piece, as a state transfer moves it between the monolith's legacy module and this service
 * (issue #12): the body of {@code GET} and {@code PUT /migration/state}.
 *
 * @param stock every SKU's stock, sorted by SKU
 * @param reservations every decided reservation (never one being decided), sorted by order id
 */
public record InventoryState(List<StockLevel> stock, List<TransferredReservation> reservations) {

    public InventoryState {
        stock = List.copyOf(stock);
        reservations = List.copyOf(reservations);
    }
}
