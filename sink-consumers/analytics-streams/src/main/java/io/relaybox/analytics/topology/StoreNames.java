package io.relaybox.analytics.topology;

/** The state stores of the topology: the figures, queryable through interactive queries, and the ids seen. */
public final class StoreNames {

    public static final String ORDERS_PER_MINUTE = "orders-per-minute";
    public static final String REVENUE_PER_HOUR = "revenue-per-hour";
    public static final String SKU_SALES_PER_HOUR = "sku-sales-per-hour";
    public static final String ORDER_OUTCOMES_PER_HOUR = "order-outcomes-per-hour";

    static final String ORDER_EVENTS_SEEN = "order-events-seen";
    static final String PAYMENT_EVENTS_SEEN = "payment-events-seen";

    private StoreNames() {
    }
}
