package io.relaybox.order;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * A validated request to place an order.
 *
 * @param customerId who orders
 * @param currency the currency of every price
 * @param lines what is ordered, at least one line
 */
public record PlaceOrder(String customerId, SalesChannel salesChannel, Currency currency, List<Line> lines) {

    public PlaceOrder {
        lines = List.copyOf(lines);
    }

    /**
     * One line to order.
     *
     * @param sku the product
     * @param quantity how many, positive
     * @param unitPrice price of one, not negative, at most two decimals
     */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }
}
