package io.relaybox.analytics.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.springframework.stereotype.Component;

import io.relaybox.analytics.AnalyticsStreams;
import io.relaybox.analytics.topology.Figures;
import io.relaybox.analytics.topology.Revenue;
import io.relaybox.analytics.topology.SkuSales;
import io.relaybox.analytics.topology.StoreNames;

/**
 * Reads the figures from this instance's state stores (interactive queries). With one instance (the platform runs one)
 * that is every figure; with several, each answers for the partitions it owns.
 */
@Component
public class StatsQueries {

    private final AnalyticsStreams analytics;

    public StatsQueries(AnalyticsStreams analytics) {
        this.analytics = analytics;
    }

    /** Orders per status per minute, for the minutes that start in [from, to]. */
    public List<Figures.OrdersPerMinute> ordersPerMinute(Instant from, Instant to) {
        return this.<Long, Figures.OrdersPerMinute>windows(StoreNames.ORDERS_PER_MINUTE, from, to,
                (key, count) -> new Figures.OrdersPerMinute(key.key(), Figures.start(key.window()), Figures.end(key.window()), count));
    }

    /** Revenue per currency per hour, for the hours that start in [from, to]. */
    public List<Figures.RevenuePerHour> revenuePerHour(Instant from, Instant to) {
        return this.<Revenue, Figures.RevenuePerHour>windows(StoreNames.REVENUE_PER_HOUR, from, to,
                (key, revenue) -> Figures.RevenuePerHour.of(key.key(), key.window(), revenue));
    }

    /** Units per SKU summed over the hours that start in [from, to], the most sold first, at most {@code limit}. */
    public List<SkuTotal> topSkus(Instant from, Instant to, int limit) {
        Map<String, long[]> totals = new TreeMap<>();
        for (Figures.SkuSalesPerHour hour : this.<SkuSales, Figures.SkuSalesPerHour>windows(StoreNames.SKU_SALES_PER_HOUR, from, to,
                (key, sales) -> new Figures.SkuSalesPerHour(key.key(), Figures.start(key.window()), Figures.end(key.window()),
                        sales.units(), sales.lines()))) {
            long[] total = totals.computeIfAbsent(hour.sku(), sku -> new long[2]);
            total[0] += hour.units();
            total[1] += hour.lines();
        }
        return totals.entrySet().stream().map(e -> new SkuTotal(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(SkuTotal::units).reversed().thenComparing(SkuTotal::sku)).limit(limit).toList();
    }

    /** Orders that ended over the hours that start in [from, to]: confirmed and cancelled, their shares, and why. */
    public Outcomes outcomes(Instant from, Instant to) {
        Map<String, Long> byOutcome = new TreeMap<>();
        for (Figures.OutcomesPerHour hour : this.<Long, Figures.OutcomesPerHour>windows(StoreNames.ORDER_OUTCOMES_PER_HOUR, from, to,
                (key, count) -> new Figures.OutcomesPerHour(key.key(), Figures.start(key.window()), Figures.end(key.window()), count))) {
            byOutcome.merge(hour.outcome(), hour.orders(), Long::sum);
        }
        long confirmed = byOutcome.getOrDefault("CONFIRMED", 0L);
        Map<String, Long> reasons = new LinkedHashMap<>();
        byOutcome.forEach((outcome, count) -> {
            if (outcome.startsWith("CANCELLED: ")) {
                reasons.put(outcome.substring("CANCELLED: ".length()), count);
            }
        });
        long cancelled = reasons.values().stream().mapToLong(Long::longValue).sum();
        return new Outcomes(from.toString(), to.toString(), confirmed, cancelled, share(confirmed, confirmed + cancelled),
                share(cancelled, confirmed + cancelled), reasons);
    }

    /** Units of one SKU over a span of hours. */
    public record SkuTotal(String sku, long units, long lines) {
    }

    /** The orders that ended over a span of hours. */
    public record Outcomes(String from, String to, long confirmed, long cancelled, BigDecimal confirmedShare, BigDecimal cancelledShare,
            Map<String, Long> cancelledBecause) {
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_EVEN);
    }

    private <V, F> List<F> windows(String storeName, Instant from, Instant to, BiFunction<Windowed<String>, V, F> figure) {
        ReadOnlyWindowStore<String, V> store = store(storeName);
        List<F> figures = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, V> windows = store.fetchAll(from, to)) {
            while (windows.hasNext()) {
                KeyValue<Windowed<String>, V> window = windows.next();
                figures.add(figure.apply(window.key, window.value));
            }
        }
        return figures;
    }

    private <V> ReadOnlyWindowStore<String, V> store(String name) {
        KafkaStreams streams = analytics.streams();
        if (streams == null) {
            throw new StatsUnavailableException("the analytics application is not running");
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>windowStore()));
        } catch (InvalidStateStoreException e) {
            throw new StatsUnavailableException("the store " + name + " cannot be queried now (" + streams.state() + "): " + e.getMessage());
        }
    }

}
