package io.relaybox.inventory;

/**
 * A SKU that cannot cover a reservation.
 *
 * @param sku the product
 * @param requested units the order asks for (its lines of this SKU summed)
 * @param available units on hand when the order was decided (0 for an unknown SKU)
 */
public record Shortage(String sku, int requested, int available) {
}
