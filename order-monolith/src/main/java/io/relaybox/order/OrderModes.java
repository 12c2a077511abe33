package io.relaybox.order;

/**
 * The mode each capability of an order was placed under: it decides who decides that capability for the order's whole
 * life, whatever the modes are switched to while the order is in flight.
 *
 * @param inventory who reserves its stock
 * @param payment who charges it
 */
public record OrderModes(MigrationMode inventory, MigrationMode payment) {

    /** Both capabilities decided by the services through events: orders placed before the migration modes existed. */
    public static final OrderModes EVENTS = new OrderModes(MigrationMode.EVENTS, MigrationMode.EVENTS);

    public MigrationMode of(Capability capability) {
        return capability == Capability.INVENTORY ? inventory : payment;
    }
}
