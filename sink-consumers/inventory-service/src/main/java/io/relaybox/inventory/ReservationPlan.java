package io.relaybox.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The all-or-none rule: an order's lines (same SKU summed) are reserved only when every SKU has enough on hand.
 *
 * @param lines the units asked for, one per SKU, sorted by SKU (the order in which stock rows are locked)
 * @param shortages the SKUs without enough on hand; empty when the order can be reserved
 */
record ReservationPlan(List<SkuQuantity> lines, List<Shortage> shortages) {

    ReservationPlan {
        lines = List.copyOf(lines);
        shortages = List.copyOf(shortages);
    }

    /** Sums the lines of each SKU, sorted by SKU. */
    static List<SkuQuantity> sumBySku(List<SkuQuantity> lines) {
        Map<String, Integer> summed = new TreeMap<>();
        lines.forEach(line -> summed.merge(line.sku(), line.quantity(), Math::addExact));
        List<SkuQuantity> result = new ArrayList<>();
        summed.forEach((sku, quantity) -> result.add(new SkuQuantity(sku, quantity)));
        return result;
    }

    /**
     * Decides an order.
     *
     * @param lines the order's lines, in any order, SKUs possibly repeated
     * @param onHand units on hand per SKU; a SKU that is absent is unknown and has none
     * @return the plan
     */
    static ReservationPlan decide(List<SkuQuantity> lines, Map<String, Integer> onHand) {
        List<SkuQuantity> summed = sumBySku(lines);
        List<Shortage> shortages = new ArrayList<>();
        for (SkuQuantity line : summed) {
            int available = onHand.getOrDefault(line.sku(), 0);
            if (available < line.quantity()) {
                shortages.add(new Shortage(line.sku(), line.quantity(), available));
            }
        }
        return new ReservationPlan(summed, shortages);
    }

    boolean canReserve() {
        return shortages.isEmpty();
    }
}
