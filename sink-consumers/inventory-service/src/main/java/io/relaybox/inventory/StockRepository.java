package io.relaybox.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code stock} table. */
@Repository
class StockRepository {

    private static final String SELECT = "SELECT sku, on_hand, reserved, initial FROM stock";

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the rows of the SKUs in SKU order (every transaction locks in the same order, so two reservations never
     * deadlock) and returns their units on hand; unknown SKUs are absent.
     */
    Map<String, Integer> lockOnHand(Collection<String> skus) {
        Map<String, Integer> onHand = new LinkedHashMap<>();
        jdbc.sql("SELECT sku, on_hand FROM stock WHERE sku = ANY (?) ORDER BY sku COLLATE \"C\" FOR UPDATE")
                .param(skus.toArray(String[]::new))
                .query((row, n) -> new SkuQuantity(row.getString("sku"), row.getInt("on_hand")))
                .list()
                .forEach(level -> onHand.put(level.sku(), level.quantity()));
        return onHand;
    }

    /** Locks the rows of the SKUs in SKU order, as {@link #lockOnHand} does, and reads nothing. */
    void lock(Collection<String> skus) {
        jdbc.sql("SELECT 1 FROM stock WHERE sku = ANY (?) ORDER BY sku COLLATE \"C\" FOR UPDATE")
                .param(skus.toArray(String[]::new))
                .query(Integer.class)
                .list();
    }

    /** Locks every row in SKU order, as {@link #lock} does: a state transfer replaces the stock as a whole. */
    void lockAll() {
        jdbc.sql("SELECT 1 FROM stock ORDER BY sku COLLATE \"C\" FOR UPDATE").query(Integer.class).list();
    }

    /** Moves units from on hand to reserved; the row is locked by {@link #lockOnHand}. */
    void hold(SkuQuantity line) {
        move(line.sku(), -line.quantity());
    }

    /** Moves units from reserved back to on hand. */
    void giveBack(SkuQuantity line) {
        move(line.sku(), line.quantity());
    }

    List<StockLevel> all() {
        return jdbc.sql(SELECT + " ORDER BY sku COLLATE \"C\"").query(StockRepository::level).list();
    }

    Optional<StockLevel> find(String sku) {
        return jdbc.sql(SELECT + " WHERE sku = ?").param(sku).query(StockRepository::level).optional();
    }

    private void move(String sku, int toOnHand) {
        int updated = jdbc.sql("UPDATE stock SET on_hand = on_hand + ?, reserved = reserved - ? WHERE sku = ?")
                .params(toOnHand, toOnHand, sku)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("stock of " + sku + " vanished while it was locked");
        }
    }

    private static StockLevel level(ResultSet row, int rowNum) throws SQLException {
        return new StockLevel(row.getString("sku"), row.getInt("on_hand"), row.getInt("reserved"),
                row.getInt("initial"));
    }
}
