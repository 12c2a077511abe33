package io.relaybox.verification.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The figures the analytics application must reach, from the databases (the source of truth) for the orders placed
 * since an instant: every one of them was PLACED; CONFIRMED and CANCELLED as they ended; captured money per currency
 * (payments CAPTURED or later REFUNDED), refunds (REFUNDED); units per SKU in CONFIRMED orders.
 */
public final class DatabaseTotals {

    private final PlatformDatabases databases;

    public DatabaseTotals(PlatformDatabases databases) {
        this.databases = databases;
    }

    public AnalyticsTotals ofOrdersPlacedSince(Instant since) throws SQLException {
        Map<String, Long> orders = new TreeMap<>();
        Map<String, Long> units = new TreeMap<>();
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = databases.connect("orders")) {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, status FROM orders WHERE placed_at >= ?")) {
                query.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                        orders.merge("PLACED", 1L, Long::sum);
                        if (!"PENDING".equals(rows.getString(2))) {
                            orders.merge(rows.getString(2), 1L, Long::sum);
                        }
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT l.sku, sum(l.quantity) FROM order_line l JOIN orders o ON o.id = l.order_id"
                    + " WHERE o.placed_at >= ? AND o.status = 'CONFIRMED' GROUP BY l.sku")) {
                query.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        units.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        Map<String, BigDecimal> captured = new TreeMap<>();
        Map<String, BigDecimal> refunded = new TreeMap<>();
        try (Connection connection = databases.connect("payment");
                PreparedStatement query = connection.prepareStatement("SELECT currency, status, sum(amount) FROM payment"
                        + " WHERE order_id = ANY (?) AND status IN ('CAPTURED', 'REFUNDED') GROUP BY currency, status")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    captured.merge(rows.getString(1), rows.getBigDecimal(3), BigDecimal::add);
                    if ("REFUNDED".equals(rows.getString(2))) {
                        refunded.merge(rows.getString(1), rows.getBigDecimal(3), BigDecimal::add);
                    }
                }
            }
        }
        return new AnalyticsTotals(orders, captured, refunded, units);
    }
}
