package io.relaybox.payment;

import java.util.List;

/**
 * Payments as one piece, as a state transfer moves them between the monolith's legacy module and this service (issue
 * #12): the body of {@code GET} and {@code PUT /migration/state}.
 *
 * @param accounts every account (one per customer and currency), sorted by customer and currency
 * @param payments every decided payment (never one being decided), sorted by order id
 */
public record PaymentState(List<TransferredAccount> accounts, List<TransferredPayment> payments) {

    public PaymentState {
        accounts = List.copyOf(accounts);
        payments = List.copyOf(payments);
    }
}
