package io.relaybox.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code orders} and {@code order_line} tables. */
@Repository
class OrderRepository {

    private static final String SELECT_ORDER = "SELECT id, customer_id, sales_channel, currency, status, total, placed_at,"
            + " cancelled_at, cancellation_reason, inventory_status, payment_status, confirmed_at, inventory_mode, payment_mode"
            + " FROM orders WHERE id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    OrderRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void insert(Order order) {
        jdbc.sql("INSERT INTO orders (id, customer_id, sales_channel, currency, status, total, placed_at, inventory_mode, payment_mode)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(order.orderId(), order.customerId(), order.salesChannel().name(), order.currency(), order.status().name(), order.total(),
                        utc(order.placedAt()), order.modes().inventory().wireName(), order.modes().payment().wireName())
                .update();
        // one batch: an order may have hundreds of lines
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            lines.add(new Object[] {order.orderId(), i + 1, line.sku(), line.quantity(), line.unitPrice(), line.lineTotal()});
        }
        batches.batchUpdate("INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price, line_total)"
                + " VALUES (?, ?, ?, ?, ?, ?)", lines);
    }

    Optional<Order> find(UUID orderId) {
        return load(SELECT_ORDER, orderId);
    }

    /** The order, its row locked until the transaction ends, so that concurrent changes are serialised. */
    Optional<Order> findForUpdate(UUID orderId) {
        return load(SELECT_ORDER + " FOR UPDATE", orderId);
    }

    void markCancelled(Order order) {
        update(order);
    }

    /** Writes the order's state: status, cancellation, the saga's reports and the confirmation. */
    void update(Order order) {
        jdbc.sql("UPDATE orders SET status = ?, cancelled_at = ?, cancellation_reason = ?, inventory_status = ?,"
                + " payment_status = ?, confirmed_at = ? WHERE id = ?")
                .params(order.status().name(), utc(order.cancelledAt()), order.cancellationReason(), order.inventoryStatus(),
                        order.paymentStatus(), utc(order.confirmedAt()), order.orderId())
                .update();
    }

    private Optional<Order> load(String sql, UUID orderId) {
        return jdbc.sql(sql).param(orderId).query(this::header).optional()
                .map(order -> new Order(order.orderId(), order.customerId(), order.salesChannel(), order.currency(), order.status(),
                        lines(orderId), order.total(), order.placedAt(), order.cancelledAt(), order.cancellationReason(),
                        order.inventoryStatus(), order.paymentStatus(), order.confirmedAt(), order.modes()));
    }

    private List<OrderLine> lines(UUID orderId) {
        return jdbc.sql("SELECT sku, quantity, unit_price, line_total FROM order_line WHERE order_id = ? ORDER BY line_no")
                .param(orderId)
                .query((row, n) -> new OrderLine(row.getString("sku"), row.getInt("quantity"),
                        row.getBigDecimal("unit_price"), row.getBigDecimal("line_total")))
                .list();
    }

    private Order header(ResultSet row, int rowNum) throws SQLException {
        return new Order(row.getObject("id", UUID.class), row.getString("customer_id"),
                SalesChannel.valueOf(row.getString("sales_channel")), row.getString("currency"),
                OrderStatus.valueOf(row.getString("status")), List.of(), row.getBigDecimal("total"),
                instant(row, "placed_at"), instant(row, "cancelled_at"), row.getString("cancellation_reason"),
                row.getString("inventory_status"), row.getString("payment_status"), instant(row, "confirmed_at"),
                new OrderModes(MigrationMode.of(row.getString("inventory_mode")), MigrationMode.of(row.getString("payment_mode"))));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
