package io.relaybox.order;

/** A service the order's sync mode calls was unavailable: the order was cancelled instead of decided (503). */
public class OrderNotDecidedException extends RuntimeException {

    private final transient Order order;

    public OrderNotDecidedException(Order order, Throwable cause) {
        super("order " + order.orderId() + " could not be decided and is " + order.status() + ": " + cause.getMessage(), cause);
        this.order = order;
    }

    /** The order as it is now: cancelled, or decided meanwhile through the services' events. */
    public Order order() {
        return order;
    }
}
