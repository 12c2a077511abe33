package io.relaybox.verification.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How the demo's orders ended: confirmed, or cancelled and why (out of stock, insufficient funds, unknown customer,
 * anything else by its reason), read from the orders database.
 *
 * @param confirmed orders that ended CONFIRMED
 * @param cancelledBy cancelled orders per kind of reason
 */
public record OrderMix(long confirmed, Map<String, Long> cancelledBy) {

    public OrderMix {
        cancelledBy = Map.copyOf(cancelledBy);
    }

    /** The mix of these orders. */
    public static OrderMix of(PlatformDatabases databases, Collection<String> orderIds) throws SQLException {
        long confirmed = 0;
        Map<String, Long> cancelled = new TreeMap<>();
        try (Connection orders = databases.connect("orders");
                PreparedStatement query = orders.prepareStatement(
                        "SELECT status, cancellation_reason, count(*) FROM orders WHERE id = ANY (?) AND status IN ('CONFIRMED', 'CANCELLED') "
                                + "GROUP BY status, cancellation_reason")) {
            query.setArray(1, orders.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if ("CONFIRMED".equals(rows.getString(1))) {
                        confirmed += rows.getLong(3);
                    } else {
                        cancelled.merge(kind(rows.getString(2)), rows.getLong(3), Long::sum);
                    }
                }
            }
        }
        return new OrderMix(confirmed, cancelled);
    }

    /** The kind of a cancellation reason as the saga writes it (visible for testing). */
    static String kind(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        if (reason.startsWith("inventory rejected")) {
            return "out of stock";
        }
        if (reason.startsWith("payment failed: INSUFFICIENT_FUNDS")) {
            return "insufficient funds";
        }
        if (reason.startsWith("payment failed: UNKNOWN_CUSTOMER")) {
            return "unknown customer";
        }
        return reason.length() > 40 ? reason.substring(0, 40) + "..." : reason;
    }

    public long cancelled() {
        return cancelledBy.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line: {@code MIX confirmed 812 (81%), cancelled 188 (19%): out of stock 120, insufficient funds 60, ...}. */
    public String line() {
        long total = Math.max(1, confirmed + cancelled());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "MIX confirmed %d (%d%%), cancelled %d (%d%%)", confirmed,
                Math.round(100.0 * confirmed / total), cancelled(), Math.round(100.0 * cancelled() / total)));
        String separator = ": ";
        for (Map.Entry<String, Long> kind : new TreeMap<>(cancelledBy).entrySet()) {
            line.append(separator).append(kind.getKey()).append(' ').append(kind.getValue());
            separator = ", ";
        }
        return line.toString();
    }
}
