package io.relaybox.analytics.topology;

import java.util.List;
import java.util.function.BiFunction;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.util.Optional;

/**
 * The analytics topology. Each input record is read ({@link ReadEvents}: types not counted are dropped, unreadable
 * ones dead-lettered), dated by its {@code occurredat} header ({@link OccurredAtExtractor}), counted once by its event
 * id ({@link FirstSeenFilter}), then:
 * <ul>
 * <li>{@code orders.events} → orders per minute by status (tumbling one-minute windows) → {@value StoreNames#ORDERS_PER_MINUTE},
 * {@value AnalyticsTopics#ORDERS_PER_MINUTE};</li>
 * <li>{@code payments.events} → captured and refunded money per currency per hour → {@value StoreNames#REVENUE_PER_HOUR},
 * {@value AnalyticsTopics#REVENUE_PER_HOUR};</li>
 * <li>the lines of {@code OrderConfirmed} → units per SKU per hour → {@value StoreNames#SKU_SALES_PER_HOUR},
 * {@value AnalyticsTopics#SKU_SALES_PER_HOUR} (the top SKUs of an hour are these, sorted);</li>
 * <li>{@code OrderConfirmed} and {@code OrderCancelled} → orders per outcome and kind of reason per hour →
 * {@value StoreNames#ORDER_OUTCOMES_PER_HOUR}, {@value AnalyticsTopics#ORDER_OUTCOMES_PER_HOUR}.</li>
 * </ul>
 * An event later (in event time) than its window's end plus the grace is not counted; Kafka Streams drops it and counts
 * it in its {@code dropped-records} metric.
 */
public final class AnalyticsTopology {

    private AnalyticsTopology() {
    }

    public static Topology build(AnalyticsSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, OrderFact> orders = events(builder, AnalyticsTopics.ORDERS, EventReader::order, StoreNames.ORDER_EVENTS_SEEN,
                "order-events", settings);
        KStream<String, PaymentFact> payments = events(builder, AnalyticsTopics.PAYMENTS, EventReader::payment,
                StoreNames.PAYMENT_EVENTS_SEEN, "payment-events", settings);

        TimeWindows minutes = TimeWindows.ofSizeAndGrace(AnalyticsSettings.MINUTE, settings.minuteGrace());
        TimeWindows hours = TimeWindows.ofSizeAndGrace(AnalyticsSettings.HOUR, settings.hourGrace());

        orders.map((orderId, order) -> KeyValue.pair(order.status(), order.eventId()), Named.as("by-status"))
                .groupByKey(Grouped.with("orders-by-status", Serdes.String(), Serdes.String()))
                .windowedBy(minutes)
                .count(Named.as("count-orders-per-minute"), store(StoreNames.ORDERS_PER_MINUTE, Serdes.Long(), settings))
                .toStream(Named.as("orders-per-minute-changes"))
                .map((window, count) -> KeyValue.pair(Figures.key(window.key(), window.window()), Figures.json(new Figures.OrdersPerMinute(
                        window.key(), Figures.start(window.window()), Figures.end(window.window()), count))), Named.as("orders-per-minute-figures"))
                .to(AnalyticsTopics.ORDERS_PER_MINUTE, Produced.with(Serdes.String(), Serdes.String()));

        payments.map((orderId, payment) -> KeyValue.pair(payment.currency(),
                (payment.isRefund() ? payment.amount().negate() : payment.amount()).toPlainString()), Named.as("by-currency"))
                .groupByKey(Grouped.with("payments-by-currency", Serdes.String(), Serdes.String()))
                .windowedBy(hours)
                .aggregate(Revenue::zero, (currency, signedAmount, revenue) -> revenue.add(new java.math.BigDecimal(signedAmount)),
                        Named.as("sum-revenue-per-hour"), store(StoreNames.REVENUE_PER_HOUR, new JsonSerde<>(Revenue.class), settings))
                .toStream(Named.as("revenue-per-hour-changes"))
                .map((window, revenue) -> KeyValue.pair(Figures.key(window.key(), window.window()),
                        Figures.json(Figures.RevenuePerHour.of(window.key(), window.window(), revenue))), Named.as("revenue-per-hour-figures"))
                .to(AnalyticsTopics.REVENUE_PER_HOUR, Produced.with(Serdes.String(), Serdes.String()));

        orders.filter((orderId, order) -> EventReader.ORDER_CONFIRMED.equals(order.type()), Named.as("confirmed-orders"))
                .flatMap((orderId, order) -> order.lines().stream()
                        .map(line -> KeyValue.pair(line.sku(), Integer.toString(line.quantity()))).toList(), Named.as("by-sku"))
                .groupByKey(Grouped.with("lines-by-sku", Serdes.String(), Serdes.String()))
                .windowedBy(hours)
                .aggregate(SkuSales::zero, (sku, quantity, sales) -> sales.add(Long.parseLong(quantity)), Named.as("sum-sku-sales-per-hour"),
                        store(StoreNames.SKU_SALES_PER_HOUR, new JsonSerde<>(SkuSales.class), settings))
                .toStream(Named.as("sku-sales-per-hour-changes"))
                .map((window, sales) -> KeyValue.pair(Figures.key(window.key(), window.window()), Figures.json(new Figures.SkuSalesPerHour(
                        window.key(), Figures.start(window.window()), Figures.end(window.window()), sales.units(), sales.lines()))),
                        Named.as("sku-sales-per-hour-figures"))
                .to(AnalyticsTopics.SKU_SALES_PER_HOUR, Produced.with(Serdes.String(), Serdes.String()));

        orders.filter((orderId, order) -> order.isOutcome(), Named.as("ended-orders"))
                .map((orderId, order) -> KeyValue.pair(order.outcome(), order.eventId()), Named.as("by-outcome"))
                .groupByKey(Grouped.with("orders-by-outcome", Serdes.String(), Serdes.String()))
                .windowedBy(hours)
                .count(Named.as("count-outcomes-per-hour"), store(StoreNames.ORDER_OUTCOMES_PER_HOUR, Serdes.Long(), settings))
                .toStream(Named.as("outcomes-per-hour-changes"))
                .map((window, count) -> KeyValue.pair(Figures.key(window.key(), window.window()), Figures.json(new Figures.OutcomesPerHour(
                        window.key(), Figures.start(window.window()), Figures.end(window.window()), count))), Named.as("outcomes-per-hour-figures"))
                .to(AnalyticsTopics.ORDER_OUTCOMES_PER_HOUR, Produced.with(Serdes.String(), Serdes.String()));

        return builder.build();
    }

    /** Every store that answers interactive queries. */
    public static List<String> queryableStores() {
        return List.of(StoreNames.ORDERS_PER_MINUTE, StoreNames.REVENUE_PER_HOUR, StoreNames.SKU_SALES_PER_HOUR,
                StoreNames.ORDER_OUTCOMES_PER_HOUR);
    }

    private static <V extends CountedEvent> KStream<String, V> events(StreamsBuilder builder, String topic,
            BiFunction<Headers, String, Optional<V>> reader, String seenStore, String name, AnalyticsSettings settings) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(seenStore, settings.dedupeRetention(), settings.dedupeRetention(), false),
                Serdes.String(), Serdes.Long()));
        return builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()).withTimestampExtractor(new OccurredAtExtractor())
                        .withName(name))
                .processValues(() -> new ReadEvents<>(reader), Named.as("read-" + name))
                .processValues(() -> new FirstSeenFilter<V>(seenStore, settings.dedupeRetention()), Named.as("first-seen-" + name), seenStore);
    }

    private static <V> Materialized<String, V, WindowStore<Bytes, byte[]>> store(String name, Serde<V> values, AnalyticsSettings settings) {
        return Materialized.<String, V, WindowStore<Bytes, byte[]>>as(name).withKeySerde(Serdes.String()).withValueSerde(values)
                .withRetention(settings.retention());
    }
}
