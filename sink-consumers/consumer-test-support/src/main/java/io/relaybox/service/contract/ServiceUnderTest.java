package io.relaybox.service.contract;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the {@link IdempotentConsumerContract} needs to know of a service: how to start it, which events it
 * publishes, and how to measure the resource (stock, money) that an order draws on.
 */
public interface ServiceUnderTest {

    /** The {@code @SpringBootApplication} class. */
    Class<?> application();

    /** The consumer name and group id, e.g. {@code inventory-service}. */
    String consumer();

    /** The database role the service owns its database with, e.g. {@code inventory_app}. */
    String role();

    /** The aggregate type of the service's events, e.g. {@code inventory} (topic {@code inventory.events}). */
    String aggregateType();

    /** The event of an order that got what it asked for, e.g. {@code InventoryReserved}. */
    String appliedType();

    /** The event of an order that was refused, e.g. {@code InventoryRejected}. */
    String refusedType();

    /** The event of an order whose effect was undone, e.g. {@code InventoryReleased}. */
    String compensatedType();

    /**
     * An order that the seed data serves, with a new id; its lines may repeat a SKU. Every order it returns draws on
     * the same {@link #level}, a small part of it.
     */
    TestOrder order(UUID orderId);

    /** The HTTP call that applies the order on the synchronous path (reserve, capture). */
    HttpCall applyOverHttp(TestOrder order);

    /** The level of what the order draws on (units on hand of its SKUs, the balance of its account). */
    BigDecimal level(ServiceDatabase database, TestOrder order);

    /** How much the order draws from {@link #level}. */
    BigDecimal cost(TestOrder order);

    /** Creates (or resets) a scarce resource holding {@code units} units. */
    void createScarceResource(ServiceDatabase database, int units);

    /** An order, with a new id, that draws one unit of the scarce resource. */
    TestOrder scarceOrder(UUID orderId);

    /** The units left of the scarce resource. */
    BigDecimal scarceLevel(ServiceDatabase database);
}
