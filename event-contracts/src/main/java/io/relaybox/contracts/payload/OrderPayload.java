package io.relaybox.contracts.payload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.relaybox.outbox.inbox.InboxEvent;

/**
 * The payload of {@code OrderPlaced}, {@code OrderCancelled} and {@code OrderConfirmed} (schema version 2): the order as
 * the monolith's API returns it. Absent values are left out of the JSON, so a payload without a sales channel is the
 * shape of version 1.
 *
 * @param orderId the order id (UUIDv7), also the record key
 * @param customerId who ordered
 * @param salesChannel where it was placed ({@code WEB}, {@code STORE}, {@code PHONE}, {@code PARTNER}); since v2
 * @param currency ISO 4217 code of every amount
 * @param status {@code PENDING}, {@code CONFIRMED} or {@code CANCELLED}
 * @param lines what was ordered, in request order
 * @param total the sum of the line totals
 * @param placedAt when the order was placed
 * @param cancelledAt when it was cancelled; absent unless cancelled
 * @param cancellationReason why it was cancelled; absent unless cancelled
 * @param inventoryStatus what inventory reported; absent until it did
 * @param paymentStatus what payment reported; absent until it did
 * @param confirmedAt when it was confirmed; absent unless it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderPayload(UUID orderId, String customerId, String salesChannel, String currency, String status, List<Line> lines,
        BigDecimal total, Instant placedAt, Instant cancelledAt, String cancellationReason, String inventoryStatus,
        String paymentStatus, Instant confirmedAt) {

    /**
     * One line of the order.
     *
     * @param sku the stock keeping unit
     * @param quantity how many, at least 1
     * @param unitPrice the price of one
     * @param lineTotal quantity times unit price
     */
    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    /** This payload as version 1 wrote it: without the sales channel. */
    public OrderPayload asVersion1() {
        return new OrderPayload(orderId, customerId, null, currency, status, lines, total, placedAt, cancelledAt,
                cancellationReason, inventoryStatus, paymentStatus, confirmedAt);
    }

    /**
     * The order id, checked against the record key (the aggregate id): an event whose payload names another order, or
     * none, will not become applicable by retrying, so it is a permanent failure (dead-lettered).
     */
    public UUID orderIdMatching(InboxEvent event) {
        return AggregateIds.requireMatching(event, orderId);
    }
}
