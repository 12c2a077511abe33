package io.relaybox.notification;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an e-mail says of an order: read from the monolith's order JSON of {@code OrderConfirmed} and
 * {@code OrderCancelled}.
 *
 * @param orderId the order
 * @param customerId who ordered
 * @param currency the currency of every amount
 * @param lines what was ordered
 * @param total the sum of the line totals
 * @param cancellationReason why it was cancelled; null unless it was
 */
public record OrderSummary(UUID orderId, String customerId, String currency, List<Line> lines, BigDecimal total,
        String cancellationReason) {

    public OrderSummary {
        lines = List.copyOf(lines);
    }

    /**
     * One line.
     *
     * @param sku the product
     * @param quantity how many
     * @param unitPrice the price of one
     * @param lineTotal quantity × unit price
     */
    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }
}
