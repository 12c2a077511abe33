package io.relaybox.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An order as the API returns it and as its events carry it ({@link OrderEvents}): the same values, so that a consumer
 * of {@code OrderPlaced} sees exactly what the client that placed the order saw; only the modes it was placed under
 * travel as the events' headers instead.
 *
 * @param orderId the order id (UUIDv7)
 * @param customerId who ordered
 * @param currency ISO 4217 code of every amount
 * @param status where the order is in its life
 * @param lines what was ordered, in request order
 * @param total the sum of the line totals; every amount at the currency's scale (2 for EUR, 0 for JPY, 3 for KWD)
 * @param placedAt when the order was placed (microsecond precision, as stored)
 * @param cancelledAt when it was cancelled; absent unless cancelled
 * @param cancellationReason why it was cancelled; absent unless cancelled
 * @param inventoryStatus what inventory reported (RESERVED, REJECTED, RELEASED); absent until it did
 * @param paymentStatus what payment reported (CAPTURED, FAILED, REFUNDED); absent until it did
 * @param confirmedAt when both succeeded and the order was confirmed; absent unless it was
 * @param modes the migration mode each capability was placed under (who decides it); not part of the order's events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(UUID orderId, String customerId, SalesChannel salesChannel, String currency, OrderStatus status, List<OrderLine> lines,
        BigDecimal total, Instant placedAt, Instant cancelledAt, String cancellationReason, String inventoryStatus,
        String paymentStatus, Instant confirmedAt, OrderModes modes) {

    public Order {
        lines = List.copyOf(lines);
    }

    /**
     * A new pending order; line totals and the total are computed here, exactly: a unit price has no more decimals
     * than its currency (the validator refuses others), so a whole quantity of it never needs rounding.
     */
    static Order place(UUID orderId, PlaceOrder command, Instant placedAt, OrderModes modes) {
        int scale = command.currency().getDefaultFractionDigits();
        List<OrderLine> lines = command.lines().stream().map(line -> {
            BigDecimal unitPrice = line.unitPrice().setScale(scale, RoundingMode.UNNECESSARY);
            return new OrderLine(line.sku(), line.quantity(), unitPrice,
                    unitPrice.multiply(BigDecimal.valueOf(line.quantity())).setScale(scale, RoundingMode.UNNECESSARY));
        }).toList();
        BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(scale, RoundingMode.UNNECESSARY);
        return new Order(orderId, command.customerId(), command.salesChannel(), command.currency().getCurrencyCode(), OrderStatus.PENDING,
                lines, total, placedAt, null, null, null, null, null, modes);
    }

    /** This order, cancelled. */
    Order cancel(Instant at, String reason) {
        return new Order(orderId, customerId, salesChannel, currency, OrderStatus.CANCELLED, lines, total, placedAt, at, reason,
                inventoryStatus, paymentStatus, confirmedAt, modes);
    }

    /** This order, confirmed. */
    Order confirm(Instant at) {
        return new Order(orderId, customerId, salesChannel, currency, OrderStatus.CONFIRMED, lines, total, placedAt, null, null,
                inventoryStatus, paymentStatus, at, modes);
    }

    /** This order with what inventory reported. */
    Order withInventoryStatus(String reported) {
        return new Order(orderId, customerId, salesChannel, currency, status, lines, total, placedAt, cancelledAt, cancellationReason,
                reported, paymentStatus, confirmedAt, modes);
    }

    /** This order with what payment reported. */
    Order withPaymentStatus(String reported) {
        return new Order(orderId, customerId, salesChannel, currency, status, lines, total, placedAt, cancelledAt, cancellationReason,
                inventoryStatus, reported, confirmedAt, modes);
    }
}
