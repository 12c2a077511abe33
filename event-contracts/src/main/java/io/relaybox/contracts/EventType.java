package io.relaybox.contracts;

import java.util.Arrays;
import java.util.Optional;

import io.relaybox.contracts.payload.InventoryLinesPayload;
import io.relaybox.contracts.payload.InventoryRejectedPayload;
import io.relaybox.contracts.payload.OrderPayload;
import io.relaybox.contracts.payload.PaymentFailedPayload;
import io.relaybox.contracts.payload.PaymentPayload;
import io.relaybox.topology.EventTopics;

/**
 * Every event type the platform publishes, with the aggregate type that routes it (the outbox's
 * {@code aggregatetype}: topic {@code <aggregate type>.events}) and the schema version its publisher writes now. Each has
 * a JSON Schema per version at {@code schemas/<EventType>/v<N>.json} ({@link EventSchemas}).
 */
public enum EventType {

    // The order events carry the order as the API returns it; v2 added the sales channel. They keep BACKWARD_TRANSITIVE
    // compatibility: the archive replays events of every version to today's consumers.

    /** An order was placed (PENDING); the monolith publishes it, inventory and payment act on it. */
    ORDER_PLACED("OrderPlaced", Aggregate.ORDERS, OrderPayload.class, 2, CompatibilityMode.BACKWARD_TRANSITIVE),
    /** An order was cancelled: by its customer, or by the saga when stock or money was missing. */
    ORDER_CANCELLED("OrderCancelled", Aggregate.ORDERS, OrderPayload.class, 2, CompatibilityMode.BACKWARD_TRANSITIVE),
    /** Stock was reserved and payment captured: the order is CONFIRMED. */
    ORDER_CONFIRMED("OrderConfirmed", Aggregate.ORDERS, OrderPayload.class, 2, CompatibilityMode.BACKWARD_TRANSITIVE),
    /** Every line of an order was reserved. */
    INVENTORY_RESERVED("InventoryReserved", Aggregate.INVENTORY, InventoryLinesPayload.class, 1),
    /** An order could not be reserved: the SKUs that were short. */
    INVENTORY_REJECTED("InventoryRejected", Aggregate.INVENTORY, InventoryRejectedPayload.class, 1),
    /** A reservation was given back (its order was cancelled). */
    INVENTORY_RELEASED("InventoryReleased", Aggregate.INVENTORY, InventoryLinesPayload.class, 1),
    /** An order's total was captured from the customer's account. */
    PAYMENT_CAPTURED("PaymentCaptured", Aggregate.PAYMENTS, PaymentPayload.class, 1),
    /** An order's total could not be captured, and why. */
    PAYMENT_FAILED("PaymentFailed", Aggregate.PAYMENTS, PaymentFailedPayload.class, 1),
    /** A captured amount was paid back (its order was cancelled). */
    PAYMENT_REFUNDED("PaymentRefunded", Aggregate.PAYMENTS, PaymentPayload.class, 1);

    /** The aggregate types of the outbox, each routed to its own topic. */
    public enum Aggregate {

        ORDERS("orders"), INVENTORY("inventory"), PAYMENTS("payments");

        private final String name;

        Aggregate(String name) {
            this.name = name;
        }

        /** The outbox's {@code aggregatetype}, e.g. {@code orders}. */
        public String aggregateType() {
            return name;
        }

        /** The topic its events are routed to, e.g. {@code orders.events}. */
        public String topic() {
            return EventTopics.of(name);
        }
    }

    private final String typeName;
    private final Aggregate aggregate;
    private final Class<? extends Record> payloadType;
    private final int currentVersion;
    private final CompatibilityMode compatibility;

    EventType(String typeName, Aggregate aggregate, Class<? extends Record> payloadType, int currentVersion) {
        this(typeName, aggregate, payloadType, currentVersion, CompatibilityMode.BACKWARD);
    }

    EventType(String typeName, Aggregate aggregate, Class<? extends Record> payloadType, int currentVersion,
            CompatibilityMode compatibility) {
        this.typeName = typeName;
        this.aggregate = aggregate;
        this.payloadType = payloadType;
        this.currentVersion = currentVersion;
        this.compatibility = compatibility;
    }

    /** The type as the outbox's {@code type} column and the Kafka header {@code type} carry it, e.g. {@code OrderPlaced}. */
    public String typeName() {
        return typeName;
    }

    public Aggregate aggregate() {
        return aggregate;
    }

    /**
     * The Java type of its payload in the {@link #currentVersion() current version} (package
     * {@code io.relaybox.contracts.payload}): the publisher writes it, consumers read it. Its components are the
     * properties of the current schema, checked by the build.
     */
    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** The schema version its publisher writes now; every version up to it has a schema. */
    public int currentVersion() {
        return currentVersion;
    }

    /**
     * How each new version of its schema must relate to the earlier ones (BACKWARD unless declared here); the build
     * checks every version against it ({@link SchemaHistory}).
     */
    public CompatibilityMode compatibility() {
        return compatibility;
    }

    /** The event type of a {@code type} header, if the platform publishes it. */
    public static Optional<EventType> of(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }
}
