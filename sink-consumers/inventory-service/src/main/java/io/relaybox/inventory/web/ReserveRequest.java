package io.relaybox.inventory.web;

import java.util.List;

import io.relaybox.inventory.RequestedLine;

/**
 * The body of {@code POST /reservations/{orderId}} as sent; checked by {@link ReserveRequestValidator}.
 *
 * @param lines what to reserve
 */
record ReserveRequest(List<RequestedLine> lines) {
}
