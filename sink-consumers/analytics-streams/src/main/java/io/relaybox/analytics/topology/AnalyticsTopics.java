package io.relaybox.analytics.topology;

import java.util.List;

import io.relaybox.contracts.EventType;

/** The topics the analytics application reads, and the compacted topics it writes its figures to. */
public final class AnalyticsTopics {

    public static final String ORDERS = EventType.Aggregate.ORDERS.topic();
    public static final String PAYMENTS = EventType.Aggregate.PAYMENTS.topic();

    /** Orders per minute by status (PLACED, CONFIRMED, CANCELLED); key {@code <status>@<window start>}. */
    public static final String ORDERS_PER_MINUTE = "analytics.orders-per-minute";
    /** Captured, refunded and net revenue per currency per hour; key {@code <currency>@<window start>}. */
    public static final String REVENUE_PER_HOUR = "analytics.revenue-per-hour";
    /** Units sold (in confirmed orders) per SKU per hour; key {@code <sku>@<window start>}. */
    public static final String SKU_SALES_PER_HOUR = "analytics.sku-sales-per-hour";
    /** Confirmed orders and cancelled ones by kind of reason, per hour; key {@code <outcome>@<window start>}. */
    public static final String ORDER_OUTCOMES_PER_HOUR = "analytics.order-outcomes-per-hour";

    private AnalyticsTopics() {
    }

    /** Every topic the application writes its figures to (compacted: the latest figure per key is the figure). */
    public static List<String> outputs() {
        return List.of(ORDERS_PER_MINUTE, REVENUE_PER_HOUR, SKU_SALES_PER_HOUR, ORDER_OUTCOMES_PER_HOUR);
    }
}
