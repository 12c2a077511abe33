package io.relaybox.payment;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An order's payment as recorded: what the HTTP API returns, and the same on every repeat.
 *
 * @param orderId the order
 * @param status where it is
 * @param customerId whose account; absent for an order cancelled before it was placed
 * @param currency the amount's currency; absent likewise
 * @param amount the order total, scale 2; absent likewise
 * @param reason why the capture failed; present only when {@link PaymentStatus#FAILED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payment(UUID orderId, PaymentStatus status, String customerId, String currency, BigDecimal amount,
        FailureReason reason) {

    static Payment of(UUID orderId, PaymentStatus status, Charge charge, FailureReason reason) {
        return new Payment(orderId, status, charge.customerId(), charge.currency(), charge.amount(), reason);
    }

    static Payment cancelled(UUID orderId) {
        return new Payment(orderId, PaymentStatus.CANCELLED, null, null, null, null);
    }

    Charge charge() {
        return new Charge(customerId, currency, amount);
    }

    Payment withStatus(PaymentStatus newStatus) {
        return new Payment(orderId, newStatus, customerId, currency, amount, reason);
    }
}
