package io.relaybox.payment.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code PUT /migration/state} as sent; checked by {@link PaymentStateValidator}.
 *
 * @param accounts the accounts to write
 * @param payments the payments to write
 */
record PaymentStateRequest(List<AccountRow> accounts, List<PaymentRow> payments) {

    /**
     * A customer's balance in one currency as sent.
     *
     * @param customerId whose account
     * @param currency ISO 4217 code
     * @param balance what the customer can spend
     * @param initial the balance when seeded
     */
    record AccountRow(String customerId, String currency, BigDecimal balance, BigDecimal initial) {
    }

    /**
     * An order's payment as sent; the status and the reason are text, so that an unknown one is named like any other
     * invalid field.
     *
     * @param orderId the order
     * @param status {@code CAPTURED}, {@code FAILED}, {@code REFUNDED} or {@code CANCELLED}
     * @param customerId whose account; none when cancelled
     * @param currency the amount's currency; none when cancelled
     * @param amount the order total; none when cancelled
     * @param failureReason {@code INSUFFICIENT_FUNDS} or {@code UNKNOWN_CUSTOMER} when failed; none otherwise
     */
    record PaymentRow(UUID orderId, String status, String customerId, String currency, BigDecimal amount,
            String failureReason) {
    }
}
