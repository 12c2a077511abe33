package io.relaybox.order;

/**
 * The answer to a request to place an order.
 *
 * @param order the order placed now, or, for a retry with a known {@code Idempotency-Key}, the order the key placed
 *        before as it is now
 * @param replayed whether the order was placed by an earlier request with the same key
 */
public record OrderPlacement(Order order, boolean replayed) {
}
