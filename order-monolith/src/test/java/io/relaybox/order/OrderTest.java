package io.relaybox.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OrderTest {

    private static final UUID ID = UUID.fromString("01a21234-0a4b-7000-8000-000000000001");
    private static final Instant PLACED = Instant.parse("2026-11-25T10:15:30.123456Z");

    @Test
    void computesLineTotalsAndTotalWithScaleTwo() {
        Order order = Order.place(ID, new PlaceOrder("c-1", Currency.getInstance("EUR"), List.of(
                new PlaceOrder.Line("SKU-1", 3, new BigDecimal("10.5")),
                new PlaceOrder.Line("SKU-2", 1, new BigDecimal("0.99")),
                new PlaceOrder.Line("SKU-3", 2, new BigDecimal("7")))), PLACED);

        assertThat(order.lines()).extracting(OrderLine::unitPrice).extracting(BigDecimal::toPlainString)
                .containsExactly("10.50", "0.99", "7.00");
        assertThat(order.lines()).extracting(OrderLine::lineTotal).extracting(BigDecimal::toPlainString)
                .containsExactly("31.50", "0.99", "14.00");
        assertThat(order.total().toPlainString()).isEqualTo("46.49");
    }

    @Test
    void placesAPendingOrderWithoutCancellation() {
        Order order = Order.place(ID, new PlaceOrder("c-1", Currency.getInstance("JPY"),
                List.of(new PlaceOrder.Line("SKU-1", 1, new BigDecimal("0")))), PLACED);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.currency()).isEqualTo("JPY");
        assertThat(order.total().toPlainString()).isEqualTo("0.00");
        assertThat(order.placedAt()).isEqualTo(PLACED);
        assertThat(order.cancelledAt()).isNull();
        assertThat(order.cancellationReason()).isNull();
    }

    @Test
    void cancellingKeepsEverythingElse() {
        Order placed = Order.place(ID, new PlaceOrder("c-1", Currency.getInstance("EUR"),
                List.of(new PlaceOrder.Line("SKU-1", 2, new BigDecimal("1.25")))), PLACED);
        Instant at = PLACED.plusSeconds(60);

        Order cancelled = placed.cancel(at, "out of stock");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(at);
        assertThat(cancelled.cancellationReason()).isEqualTo("out of stock");
        assertThat(cancelled).usingRecursiveComparison()
                .ignoringFields("status", "cancelledAt", "cancellationReason").isEqualTo(placed);
    }
}
