package io.relaybox.verification.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Totals of order figures, as the analytics application counts them or as the databases hold them, so the two can be
 * compared: orders per status reached (PLACED, CONFIRMED, CANCELLED), money captured and refunded per currency, units
 * sold per SKU in confirmed orders.
 *
 * @param ordersByStatus how many orders reached each status
 * @param capturedByCurrency captured payments (a refunded one among them)
 * @param refundedByCurrency refunds
 * @param unitsBySku units in confirmed orders
 */
public record AnalyticsTotals(Map<String, Long> ordersByStatus, Map<String, BigDecimal> capturedByCurrency,
        Map<String, BigDecimal> refundedByCurrency, Map<String, Long> unitsBySku) {

    public AnalyticsTotals {
        ordersByStatus = withoutZeros(ordersByStatus);
        capturedByCurrency = decimalsWithoutZeros(capturedByCurrency);
        refundedByCurrency = decimalsWithoutZeros(refundedByCurrency);
        unitsBySku = withoutZeros(unitsBySku);
    }

    public static AnalyticsTotals none() {
        return new AnalyticsTotals(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** What was added since the earlier totals. */
    public AnalyticsTotals minus(AnalyticsTotals earlier) {
        return new AnalyticsTotals(subtract(ordersByStatus, earlier.ordersByStatus), subtractDecimals(capturedByCurrency, earlier.capturedByCurrency),
                subtractDecimals(refundedByCurrency, earlier.refundedByCurrency), subtract(unitsBySku, earlier.unitsBySku));
    }

    /** How many orders were placed. */
    public long placed() {
        return ordersByStatus.getOrDefault("PLACED", 0L);
    }

    /** Every figure in which these totals (counted) differ from the expected ones, in words; empty when none does. */
    public List<String> differencesFrom(AnalyticsTotals expected) {
        List<String> differences = new ArrayList<>();
        compare("orders", expected.ordersByStatus, ordersByStatus, differences);
        compare("captured", expected.capturedByCurrency, capturedByCurrency, differences);
        compare("refunded", expected.refundedByCurrency, refundedByCurrency, differences);
        compare("units", expected.unitsBySku, unitsBySku, differences);
        return differences;
    }

    private static <V extends Comparable<V>> void compare(String what, Map<String, V> expected, Map<String, V> counted, List<String> differences) {
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(counted.keySet());
        for (String key : keys) {
            V want = expected.get(key);
            V got = counted.get(key);
            if (want == null || got == null || want.compareTo(got) != 0) {
                differences.add(what + " " + key + ": analytics counted " + (got == null ? 0 : got) + ", the databases hold " + (want == null ? 0 : want));
            }
        }
    }

    private static Map<String, Long> subtract(Map<String, Long> later, Map<String, Long> earlier) {
        Map<String, Long> difference = new TreeMap<>(later);
        earlier.forEach((key, value) -> difference.merge(key, -value, Long::sum));
        return difference;
    }

    private static Map<String, BigDecimal> subtractDecimals(Map<String, BigDecimal> later, Map<String, BigDecimal> earlier) {
        Map<String, BigDecimal> difference = new TreeMap<>(later);
        earlier.forEach((key, value) -> difference.merge(key, value.negate(), BigDecimal::add));
        return difference;
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> counts) {
        Map<String, Long> kept = new TreeMap<>();
        counts.forEach((key, value) -> {
            if (value != 0) {
                kept.put(key, value);
            }
        });
        return java.util.Collections.unmodifiableMap(kept);
    }

    private static Map<String, BigDecimal> decimalsWithoutZeros(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> kept = new TreeMap<>();
        sums.forEach((key, value) -> {
            if (value.signum() != 0) {
                kept.put(key, value.stripTrailingZeros());
            }
        });
        return java.util.Collections.unmodifiableMap(kept);
    }
}
