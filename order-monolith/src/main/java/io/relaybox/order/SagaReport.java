package io.relaybox.order;

/** What inventory or payment reported about an order: the step it took, and whether that step failed the order. */
public enum SagaReport {

    INVENTORY_RESERVED(Capability.INVENTORY, "RESERVED", false, true),
    INVENTORY_REJECTED(Capability.INVENTORY, "REJECTED", true, true),
    INVENTORY_RELEASED(Capability.INVENTORY, "RELEASED", false, false),
    PAYMENT_CAPTURED(Capability.PAYMENT, "CAPTURED", false, true),
    PAYMENT_FAILED(Capability.PAYMENT, "FAILED", true, true),
    PAYMENT_REFUNDED(Capability.PAYMENT, "REFUNDED", false, false);

    private final Capability capability;
    private final String status;
    private final boolean failsTheOrder;
    private final boolean decision;

    SagaReport(Capability capability, String status, boolean failsTheOrder, boolean decision) {
        this.capability = capability;
        this.status = status;
        this.failsTheOrder = failsTheOrder;
        this.decision = decision;
    }

    /** Whose report it is. */
    public Capability capability() {
        return capability;
    }

    /** The status it gives the order's capability: RESERVED, REJECTED, RELEASED, CAPTURED, FAILED, REFUNDED. */
    public String status() {
        return status;
    }

    /** True for a decision about the order (reserve or reject, capture or fail), false for a compensation. */
    public boolean isDecision() {
        return decision;
    }

    /** True when the report means the order cannot be fulfilled. */
    public boolean failsTheOrder() {
        return failsTheOrder;
    }

    Order applyTo(Order order) {
        return capability == Capability.INVENTORY ? order.withInventoryStatus(status) : order.withPaymentStatus(status);
    }
}
