package io.relaybox.order;

/** What inventory or payment reported about an order: the step it took, and whether that step failed the order. */
public enum SagaReport {

    INVENTORY_RESERVED(Side.INVENTORY, "RESERVED", false),
    INVENTORY_REJECTED(Side.INVENTORY, "REJECTED", true),
    INVENTORY_RELEASED(Side.INVENTORY, "RELEASED", false),
    PAYMENT_CAPTURED(Side.PAYMENT, "CAPTURED", false),
    PAYMENT_FAILED(Side.PAYMENT, "FAILED", true),
    PAYMENT_REFUNDED(Side.PAYMENT, "REFUNDED", false);

    private final Side side;
    private final String status;
    private final boolean failsTheOrder;

    SagaReport(Side side, String status, boolean failsTheOrder) {
        this.side = side;
        this.status = status;
        this.failsTheOrder = failsTheOrder;
    }

    /** True when the report means the order cannot be fulfilled. */
    public boolean failsTheOrder() {
        return failsTheOrder;
    }

    Order applyTo(Order order) {
        return side == Side.INVENTORY ? order.withInventoryStatus(status) : order.withPaymentStatus(status);
    }

    private enum Side {
        INVENTORY, PAYMENT
    }
}
