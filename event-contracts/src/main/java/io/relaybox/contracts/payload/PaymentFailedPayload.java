package io.relaybox.contracts.payload;

import java.math.BigDecimal;
import java.util.UUID;

import io.relaybox.outbox.inbox.InboxEvent;

/**
 * The payload of {@code PaymentFailed} (schema version 1): an order's total could not be captured, and why.
 *
 * @param orderId the order, also the record key
 * @param customerId whose account
 * @param currency ISO 4217 code of the amount
 * @param amount what could not be captured
 * @param reason {@code INSUFFICIENT_FUNDS} or {@code UNKNOWN_CUSTOMER}
 */
public record PaymentFailedPayload(UUID orderId, String customerId, String currency, BigDecimal amount, String reason) {

    /** The order id, checked against the record key (a mismatch or none is a permanent failure). */
    public UUID orderIdMatching(InboxEvent event) {
        return AggregateIds.requireMatching(event, orderId);
    }
}
