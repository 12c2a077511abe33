package io.relaybox.payment;

import java.math.BigDecimal;
import java.util.Optional;

/** The capture rule: the account must exist and hold at least the amount; the balance never goes below zero. */
final class CaptureDecision {

    private CaptureDecision() {
    }

    /**
     * Decides a capture.
     *
     * @param balance the balance of the customer's account in the order's currency; empty when there is none
     * @param customerKnown whether the customer has an account in any currency
     * @param amount the amount to capture, not negative
     * @return empty when the capture succeeds, else why it fails
     */
    static Optional<FailureReason> decide(Optional<BigDecimal> balance, boolean customerKnown, BigDecimal amount) {
        if (balance.isEmpty()) {
            return Optional.of(customerKnown ? FailureReason.INSUFFICIENT_FUNDS : FailureReason.UNKNOWN_CUSTOMER);
        }
        return balance.get().compareTo(amount) >= 0 ? Optional.empty() : Optional.of(FailureReason.INSUFFICIENT_FUNDS);
    }
}
