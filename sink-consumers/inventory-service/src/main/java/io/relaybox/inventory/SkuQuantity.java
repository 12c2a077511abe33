package io.relaybox.inventory;

/**
 * Units of one SKU: a line of a reservation and of the inventory events.
 *
 * @param sku the product
 * @param quantity how many units, positive
 */
public record SkuQuantity(String sku, int quantity) {
}
