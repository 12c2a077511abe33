package io.relaybox.order;

/** Where an order is in its life. */
public enum OrderStatus {

    /** Placed; stock and payment not settled yet. */
    PENDING,

    /** Stock reserved and payment taken (set by the saga once inventory and payment report back). */
    CONFIRMED,

    /** Cancelled; final. */
    CANCELLED
}
