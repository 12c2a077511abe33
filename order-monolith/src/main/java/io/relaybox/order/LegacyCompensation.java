package io.relaybox.order;

import org.springframework.stereotype.Component;

import io.relaybox.order.legacy.LegacyInventory;
import io.relaybox.order.legacy.LegacyPayments;

/**
 * Gives back what the legacy module holds for a cancelled order: its reserved units and its captured amount, in the
 * transaction that cancels the order, whichever mode the order was placed under (after a rollback, the legacy module
 * holds a copy of what the service held: both sides must release it). Where the legacy module decided the capability,
 * the order records the release or refund, as it would the service's report.
 */
@Component
class LegacyCompensation {

    private final LegacyInventory inventory;
    private final LegacyPayments payments;

    LegacyCompensation(LegacyInventory inventory, LegacyPayments payments) {
        this.inventory = inventory;
        this.payments = payments;
    }

    /** The cancelled order after its legacy holdings were given back. */
    Order compensate(Order cancelled) {
        Order order = cancelled;
        var released = inventory.release(order.orderId());
        if (released.isPresent() && order.modes().inventory().legacyAuthoritative()) {
            order = released.get().applyTo(order);
        }
        var refunded = payments.refund(order.orderId());
        if (refunded.isPresent() && order.modes().payment().legacyAuthoritative()) {
            order = refunded.get().applyTo(order);
        }
        return order;
    }
}
