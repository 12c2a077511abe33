package io.relaybox.inventory;

/**
 * A line as it arrives, in an HTTP body or an event payload: unchecked until {@link RequestedLines#validate}.
 *
 * @param sku the product
 * @param quantity how many units
 */
public record RequestedLine(String sku, Integer quantity) {
}
