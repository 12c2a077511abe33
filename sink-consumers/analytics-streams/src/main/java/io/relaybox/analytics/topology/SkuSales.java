package io.relaybox.analytics.topology;

/**
 * What was sold of one SKU in one window, in confirmed orders.
 *
 * @param units how many units
 * @param lines in how many order lines
 */
public record SkuSales(long units, long lines) {

    public static SkuSales zero() {
        return new SkuSales(0, 0);
    }

    public SkuSales add(long quantity) {
        return new SkuSales(units + quantity, lines + 1);
    }
}
