package io.relaybox.order.migration;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything that decides charges, on either side: what a back-fill copies from the authoritative side to the other
 * (payment-service's {@code GET} / {@code PUT /migration/state}, the legacy module's tables).
 *
 * @param accounts every account's balance
 * @param payments every order's payment (CAPTURED, FAILED, REFUNDED, CANCELLED)
 */
public record PaymentState(List<Account> accounts, List<Payment> payments) {

    public PaymentState {
        accounts = List.copyOf(accounts);
        payments = List.copyOf(payments);
    }

    public record Account(String customerId, String currency, BigDecimal balance, BigDecimal initial) {
    }

    /** A CANCELLED payment has no customer, currency or amount; only a FAILED one has a failure reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(UUID orderId, String status, String customerId, String currency, BigDecimal amount, String failureReason) {
    }
}
