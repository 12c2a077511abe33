package io.relaybox.inventory;

/** Where an order's reservation is; the row per order makes every operation idempotent by order id. */
public enum ReservationStatus {

    /** Every line is held: on hand moved to reserved. */
    RESERVED,

    /** At least one SKU was short: nothing is held. Final. */
    REJECTED,

    /** Was reserved; the units went back on hand. Final. */
    RELEASED,

    /** The order was cancelled before it was placed here: a later OrderPlaced reserves nothing. Final. */
    CANCELLED
}
