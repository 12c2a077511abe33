package io.relaybox.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads and writes of a state transfer, each one statement over the whole state (arrays through {@code unnest}),
 * not one per row: a transfer carries every reservation the inventory ever recorded.
 */
@Repository
class MigrationStateRepository {

    private final JdbcClient jdbc;

    MigrationStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every decided reservation with its lines, sorted by order id, the lines by SKU. */
    List<TransferredReservation> reservations() {
        Map<UUID, List<SkuQuantity>> lines = new HashMap<>();
        // COLLATE "C": code point order, as ReservationPlan sorts and ReservationRepository reads
        jdbc.sql("SELECT order_id, sku, quantity FROM reservation_line ORDER BY order_id, sku COLLATE \"C\"")
                .query((RowCallbackHandler) row -> lines.computeIfAbsent(row.getObject("order_id", UUID.class),
                        id -> new ArrayList<>()).add(new SkuQuantity(row.getString("sku"), row.getInt("quantity"))));
        // DECIDING is never committed, so another transaction never sees it; the condition says so where it matters
        return jdbc.sql("SELECT order_id, status FROM reservation WHERE status <> 'DECIDING' ORDER BY order_id")
                .query((row, n) -> {
                    UUID orderId = row.getObject("order_id", UUID.class);
                    return new TransferredReservation(orderId, ReservationStatus.valueOf(row.getString("status")),
                            lines.getOrDefault(orderId, List.of()));
                })
                .list();
    }

    /** Inserts each SKU's stock, or overwrites on hand, reserved and initial of a SKU that has a row. */
    void upsertStock(List<StockLevel> stock) {
        if (stock.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO stock (sku, on_hand, reserved, initial)"
                + " SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::int[])"
                + " ON CONFLICT (sku) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,"
                + " initial = EXCLUDED.initial")
                .params(stock.stream().map(StockLevel::sku).toArray(String[]::new),
                        stock.stream().mapToInt(StockLevel::onHand).toArray(),
                        stock.stream().mapToInt(StockLevel::reserved).toArray(),
                        stock.stream().mapToInt(StockLevel::initial).toArray())
                .update();
    }

    /**
     * Inserts each reservation, or overwrites the status of an order that has one; either way its lines become the
     * given ones and its shortages go (a transferred rejection carries none).
     */
    void upsertReservations(List<TransferredReservation> reservations) {
        if (reservations.isEmpty()) {
            return;
        }
        UUID[] orderIds = reservations.stream().map(TransferredReservation::orderId).toArray(UUID[]::new);
        jdbc.sql("INSERT INTO reservation (order_id, status) SELECT * FROM unnest(?::uuid[], ?::text[])"
                + " ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()")
                .params(orderIds, reservations.stream().map(r -> r.status().name()).toArray(String[]::new))
                .update();
        jdbc.sql("DELETE FROM reservation_line WHERE order_id = ANY (?)").param(orderIds).update();
        jdbc.sql("DELETE FROM reservation_shortage WHERE order_id = ANY (?)").param(orderIds).update();
        List<UUID> lineOrders = new ArrayList<>();
        List<SkuQuantity> lines = new ArrayList<>();
        for (TransferredReservation reservation : reservations) {
            reservation.lines().forEach(line -> {
                lineOrders.add(reservation.orderId());
                lines.add(line);
            });
        }
        if (!lines.isEmpty()) {
            jdbc.sql("INSERT INTO reservation_line (order_id, sku, quantity)"
                    + " SELECT * FROM unnest(?::uuid[], ?::text[], ?::int[])")
                    .params(lineOrders.toArray(UUID[]::new), lines.stream().map(SkuQuantity::sku).toArray(String[]::new),
                            lines.stream().mapToInt(SkuQuantity::quantity).toArray())
                    .update();
        }
    }
}
