package io.relaybox.peers.writers;

import java.math.BigDecimal;

/** One line of an order, as the monolith's {@code OrderPlaced} event carries it. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
}
