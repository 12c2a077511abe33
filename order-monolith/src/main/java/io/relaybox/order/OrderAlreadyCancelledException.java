package io.relaybox.order;

import java.util.UUID;

/** The order was cancelled before; cancelling is not repeated. */
public class OrderAlreadyCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderAlreadyCancelledException(UUID orderId) {
        super("order " + orderId + " is already cancelled");
    }
}
