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
    void computesLineTotalsAndTotalWithScaleTwoInEuros() {
        Order order = Order.place(ID, new PlaceOrder("c-1", SalesChannel.WEB, Currency.getInstance("EUR"), List.of(
                new PlaceOrder.Line("SKU-1", 3, new BigDecimal("10.5")),
                new PlaceOrder.Line("SKU-2", 1, new BigDecimal("0.99")),
                new PlaceOrder.Line("SKU-3", 2, new BigDecimal("7")))), PLACED, OrderModes.EVENTS);

        assertThat(order.lines()).extracting(OrderLine::unitPrice).extracting(BigDecimal::toPlainString)
                .containsExactly("10.50", "0.99", "7.00");
        assertThat(order.lines()).extracting(OrderLine::lineTotal).extracting(BigDecimal::toPlainString)
                .containsExactly("31.50", "0.99", "14.00");
        assertThat(order.total().toPlainString()).isEqualTo("46.49");
    }

    @Test
    void keepsEveryAmountInItsCurrencysMinorUnits() {
        Order yen = Order.place(ID, new PlaceOrder("c-1", SalesChannel.WEB, Currency.getInstance("JPY"),
                List.of(new PlaceOrder.Line("SKU-1", 3, new BigDecimal("1500")), new PlaceOrder.Line("SKU-2", 1, new BigDecimal("99.0")))), PLACED, OrderModes.EVENTS);
        Order dinars = Order.place(ID, new PlaceOrder("c-1", SalesChannel.WEB, Currency.getInstance("KWD"),
                List.of(new PlaceOrder.Line("SKU-1", 3, new BigDecimal("1.255")), new PlaceOrder.Line("SKU-2", 2, new BigDecimal("0.5")))), PLACED, OrderModes.EVENTS);

        assertThat(yen.lines()).extracting(line -> line.unitPrice().toPlainString() + " " + line.lineTotal().toPlainString())
                .containsExactly("1500 4500", "99 99");
        assertThat(yen.total().toPlainString()).isEqualTo("4599");
        assertThat(dinars.lines()).extracting(line -> line.unitPrice().toPlainString() + " " + line.lineTotal().toPlainString())
                .containsExactly("1.255 3.765", "0.500 1.000");
        assertThat(dinars.total().toPlainString()).isEqualTo("4.765");
    }

    /**
     * For 5,000 seeded orders in every ISO 4217 currency with minor units (1 to 20 lines, prices with at most the
     * currency's decimals): every amount has the currency's scale, each line total is exactly price times quantity
     * and the total exactly their sum; nothing is rounded.
     */
    @Test
    void computesEveryAmountExactlyAtTheCurrencysScale() {
        List<Currency> currencies = Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() >= 0)
                .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).toList();
        java.util.Random random = new java.util.Random(20261206);
        for (int i = 0; i < 5_000; i++) {
            Currency currency = currencies.get(random.nextInt(currencies.size()));
            int digits = currency.getDefaultFractionDigits();
            List<PlaceOrder.Line> lines = new java.util.ArrayList<>();
            for (int n = random.nextInt(20) + 1; n > 0; n--) {
                lines.add(new PlaceOrder.Line("SKU-" + random.nextInt(50), random.nextInt(10_000) + 1,
                        BigDecimal.valueOf(random.nextLong(100_000_000_000L), random.nextInt(digits + 1))));
            }

            Order order = Order.place(ID, new PlaceOrder("c-1", SalesChannel.WEB, currency, lines), PLACED, OrderModes.EVENTS);

            String example = "draw " + i + " (seed 20261206) in " + currency.getCurrencyCode() + ": " + lines;
            BigDecimal sum = BigDecimal.ZERO;
            for (int n = 0; n < lines.size(); n++) {
                OrderLine line = order.lines().get(n);
                assertThat(line.unitPrice().scale()).as(example).isEqualTo(digits);
                assertThat(line.lineTotal().scale()).as(example).isEqualTo(digits);
                assertThat(line.unitPrice()).as(example).isEqualByComparingTo(lines.get(n).unitPrice());
                assertThat(line.lineTotal()).as(example)
                        .isEqualByComparingTo(lines.get(n).unitPrice().multiply(BigDecimal.valueOf(lines.get(n).quantity())));
                sum = sum.add(line.lineTotal());
            }
            assertThat(order.total().scale()).as(example).isEqualTo(digits);
            assertThat(order.total()).as(example).isEqualByComparingTo(sum);
        }
    }

    @Test
    void placesAPendingOrderWithoutCancellation() {
        Order order = Order.place(ID, new PlaceOrder("c-1", SalesChannel.WEB, Currency.getInstance("JPY"),
                List.of(new PlaceOrder.Line("SKU-1", 1, new BigDecimal("0")))), PLACED, OrderModes.EVENTS);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.currency()).isEqualTo("JPY");
        assertThat(order.total().toPlainString()).isEqualTo("0");
        assertThat(order.placedAt()).isEqualTo(PLACED);
        assertThat(order.cancelledAt()).isNull();
        assertThat(order.cancellationReason()).isNull();
    }

    @Test
    void cancellingKeepsEverythingElse() {
        Order placed = Order.place(ID, new PlaceOrder("c-1", SalesChannel.WEB, Currency.getInstance("EUR"),
                List.of(new PlaceOrder.Line("SKU-1", 2, new BigDecimal("1.25")))), PLACED, OrderModes.EVENTS);
        Instant at = PLACED.plusSeconds(60);

        Order cancelled = placed.cancel(at, "out of stock");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(at);
        assertThat(cancelled.cancellationReason()).isEqualTo("out of stock");
        assertThat(cancelled).usingRecursiveComparison()
                .ignoringFields("status", "cancelledAt", "cancellationReason").isEqualTo(placed);
    }
}
