package io.relaybox.order;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku the product
 * @param quantity how many, positive
 * @param unitPrice price of one, scale 2
 * @param lineTotal unitPrice × quantity, scale 2
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
}
