package io.relaybox.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An order's payment as a state transfer carries it: one row of the {@code payment} table. Every member is written,
 * null ones too, so that every row has the same shape.
 *
 * @param orderId the order
 * @param status where it is; never the transient DECIDING
 * @param customerId whose account; null when {@link PaymentStatus#CANCELLED} (cancelled before it was placed)
 * @param currency the amount's currency; null likewise
 * @param amount the order total at the currency's scale; null likewise
 * @param failureReason why the capture failed; present exactly when {@link PaymentStatus#FAILED}
 */
public record TransferredPayment(UUID orderId, PaymentStatus status, String customerId, String currency,
        BigDecimal amount, FailureReason failureReason) {
}
