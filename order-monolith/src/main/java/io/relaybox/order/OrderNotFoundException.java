package io.relaybox.order;

import java.util.UUID;

/** No order has this id. */
public class OrderNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderNotFoundException(UUID orderId) {
        super("order " + orderId + " does not exist");
    }
}
