package io.relaybox.inventory.web;

import java.util.List;
import java.util.UUID;

import io.relaybox.inventory.RequestedLine;

/**
 * The body of {@code PUT /migration/state} as sent; checked by {@link InventoryStateValidator}.
 *
 * @param stock the stock rows to write
 * @param reservations the reservations to write
 */
record InventoryStateRequest(List<StockRow> stock, List<ReservationRow> reservations) {

    /**
     * A SKU's stock as sent.
     *
     * @param sku the product
     * @param onHand units available to reserve
     * @param reserved units held for orders
     * @param initial units on hand when seeded
     */
    record StockRow(String sku, Integer onHand, Integer reserved, Integer initial) {
    }

    /**
     * An order's reservation as sent.
     *
     * @param orderId the order
     * @param status {@code RESERVED}, {@code REJECTED}, {@code RELEASED} or {@code CANCELLED}; text, so that an
     *        unknown one is named like any other invalid field
     * @param lines one per SKU; none when cancelled
     */
    record ReservationRow(UUID orderId, String status, List<RequestedLine> lines) {
    }
}
