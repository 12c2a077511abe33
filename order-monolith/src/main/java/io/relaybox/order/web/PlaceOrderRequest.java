package io.relaybox.order.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /orders} as sent: every field may be missing until {@link OrderRequestValidator} checks it.
 *
 * @param customerId who orders
 * @param salesChannel where the order is placed: WEB (when missing), STORE, PHONE or PARTNER
 * @param currency ISO 4217 code, e.g. {@code EUR}
 * @param lines what is ordered
 */
record PlaceOrderRequest(String customerId, String salesChannel, String currency, List<Line> lines) {

    /**
     * One line as sent.
     *
     * @param sku the product
     * @param quantity how many
     * @param unitPrice price of one
     */
    record Line(String sku, Integer quantity, BigDecimal unitPrice) {
    }
}
