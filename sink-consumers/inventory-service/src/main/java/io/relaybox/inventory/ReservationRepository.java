package io.relaybox.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code reservation} table (one row per order id: what serializes every operation on an order) and its lines
 * and shortages.
 */
@Repository
class ReservationRepository {

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the order's row in the given status unless it has one. A concurrent claim of the same order waits for
     * this transaction and then inserts nothing.
     *
     * @return whether this transaction owns the new row
     */
    boolean claim(UUID orderId, String status) {
        return jdbc.sql("INSERT INTO reservation (order_id, status) VALUES (?, ?) ON CONFLICT (order_id) DO NOTHING")
                .params(orderId, status)
                .update() == 1;
    }

    /** The SKUs the orders' reservations hold or held (their lines), without locking anything. */
    List<String> skusOf(Collection<UUID> orderIds) {
        return jdbc.sql("SELECT DISTINCT sku FROM reservation_line WHERE order_id = ANY (?)")
                .param(orderIds.toArray(UUID[]::new))
                .query(String.class)
                .list();
    }

    /** The order's reservation, its row locked until the transaction ends. */
    Optional<Reservation> lock(UUID orderId) {
        return jdbc.sql("SELECT status FROM reservation WHERE order_id = ? FOR UPDATE").param(orderId)
                .query(String.class).optional().map(status -> load(orderId, ReservationStatus.valueOf(status)));
    }

    Optional<Reservation> find(UUID orderId) {
        return jdbc.sql("SELECT status FROM reservation WHERE order_id = ?").param(orderId)
                .query(String.class).optional().map(status -> load(orderId, ReservationStatus.valueOf(status)));
    }

    /** Records the decided reservation in the row this transaction claimed. */
    void record(Reservation reservation) {
        setStatus(reservation.orderId(), reservation.status());
        for (SkuQuantity line : reservation.lines()) {
            jdbc.sql("INSERT INTO reservation_line (order_id, sku, quantity) VALUES (?, ?, ?)")
                    .params(reservation.orderId(), line.sku(), line.quantity())
                    .update();
        }
        for (Shortage shortage : reservation.shortSkus()) {
            jdbc.sql("INSERT INTO reservation_shortage (order_id, sku, requested, available) VALUES (?, ?, ?, ?)")
                    .params(reservation.orderId(), shortage.sku(), shortage.requested(), shortage.available())
                    .update();
        }
    }

    void setStatus(UUID orderId, ReservationStatus status) {
        jdbc.sql("UPDATE reservation SET status = ?, updated_at = now() WHERE order_id = ?")
                .params(status.name(), orderId)
                .update();
    }

    private Reservation load(UUID orderId, ReservationStatus status) {
        // COLLATE "C": code point order, as ReservationPlan sorts, so that a repeat returns what the first call did
        List<SkuQuantity> lines = jdbc.sql("SELECT sku, quantity FROM reservation_line WHERE order_id = ?"
                + " ORDER BY sku COLLATE \"C\"")
                .param(orderId)
                .query((row, n) -> new SkuQuantity(row.getString("sku"), row.getInt("quantity")))
                .list();
        List<Shortage> shortages = jdbc.sql("SELECT sku, requested, available FROM reservation_shortage"
                + " WHERE order_id = ? ORDER BY sku COLLATE \"C\"")
                .param(orderId)
                .query(ReservationRepository::shortage)
                .list();
        return new Reservation(orderId, status, lines, shortages);
    }

    private static Shortage shortage(ResultSet row, int rowNum) throws SQLException {
        return new Shortage(row.getString("sku"), row.getInt("requested"), row.getInt("available"));
    }
}
