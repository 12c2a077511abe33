package io.relaybox.payment;

/** Why a capture failed. */
public enum FailureReason {

    /** The customer's account in the order's currency holds less than the amount (or the customer has none in it). */
    INSUFFICIENT_FUNDS,

    /** The customer has no account at all. */
    UNKNOWN_CUSTOMER
}
