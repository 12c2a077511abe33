package io.relaybox.order;

import java.util.UUID;

import io.relaybox.problem.NotFoundException;

/** No order has this id; answered with 404. */
public class OrderNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public OrderNotFoundException(UUID orderId) {
        super("Order not found", "order " + orderId + " does not exist");
    }
}
