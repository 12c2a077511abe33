package io.relaybox.inventory;

/**
 * The stock of one SKU.
 *
 * @param sku the product
 * @param onHand units available to reserve
 * @param reserved units held for orders
 * @param initial units on hand when the stock was seeded (migration V2); initial − onHand = units held by
 *        reservations
 */
public record StockLevel(String sku, int onHand, int reserved, int initial) {
}
