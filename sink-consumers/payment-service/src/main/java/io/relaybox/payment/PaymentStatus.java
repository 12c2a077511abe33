package io.relaybox.payment;

/** Where an order's payment is; the row per order makes every operation idempotent by order id. */
public enum PaymentStatus {

    /** The amount was debited from the customer's account. */
    CAPTURED,

    /** Nothing was debited; see the {@link FailureReason}. Final. */
    FAILED,

    /** Was captured; the amount went back to the account. Final. */
    REFUNDED,

    /** The order was cancelled before it was placed here: a later OrderPlaced captures nothing. Final. */
    CANCELLED
}
