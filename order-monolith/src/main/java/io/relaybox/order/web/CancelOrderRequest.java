package io.relaybox.order.web;

/**
 * The optional body of {@code POST /orders/{id}/cancel}.
 *
 * @param reason why the order is cancelled; a default when absent
 */
record CancelOrderRequest(String reason) {
}
