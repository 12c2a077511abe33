package io.relaybox.contracts.payload;

import java.math.BigDecimal;
import java.util.UUID;

import io.relaybox.outbox.inbox.InboxEvent;

/**
 * The payload of {@code PaymentCaptured} and {@code PaymentRefunded} (schema version 1).
 *
 * @param orderId the order, also the record key
 * @param customerId whose account
 * @param currency ISO 4217 code of the amount
 * @param amount what was captured or paid back
 */
public record PaymentPayload(UUID orderId, String customerId, String currency, BigDecimal amount) {

    /** The order id, checked against the record key (a mismatch or none is a permanent failure). */
    public UUID orderIdMatching(InboxEvent event) {
        return AggregateIds.requireMatching(event, orderId);
    }
}
