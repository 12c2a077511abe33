package io.relaybox.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment} table: one row per order id, which serializes every operation on an order. */
@Repository
class PaymentRepository {

    private static final String SELECT = "SELECT order_id, status, customer_id, currency, amount, failure_reason"
            + " FROM payment WHERE order_id = ?";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the order's row in the given status unless it has one. A concurrent claim of the same order waits for
     * this transaction and then inserts nothing.
     *
     * @param charge what is captured, or null (a cancelled marker)
     * @return whether this transaction owns the new row
     */
    boolean claim(UUID orderId, String status, Charge charge) {
        return jdbc.sql("INSERT INTO payment (order_id, status, customer_id, currency, amount) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (order_id) DO NOTHING")
                .params(orderId, status, charge == null ? null : charge.customerId(),
                        charge == null ? null : charge.currency(), charge == null ? null : charge.amount())
                .update() == 1;
    }

    /** The accounts the orders' payments were charged to (none for an order cancelled first), locking nothing. */
    List<AccountKey> accountsOf(Collection<UUID> orderIds) {
        return jdbc.sql("SELECT DISTINCT customer_id, currency FROM payment WHERE order_id = ANY (?) AND customer_id IS NOT NULL")
                .param(orderIds.toArray(UUID[]::new))
                .query((row, n) -> new AccountKey(row.getString("customer_id"), row.getString("currency")))
                .list();
    }

    /** The order's payment, its row locked until the transaction ends. */
    Optional<Payment> lock(UUID orderId) {
        return jdbc.sql(SELECT + " FOR UPDATE").param(orderId).query(PaymentRepository::payment).optional();
    }

    Optional<Payment> find(UUID orderId) {
        return jdbc.sql(SELECT).param(orderId).query(PaymentRepository::payment).optional();
    }

    /** Records the status (and failure reason) of the row this transaction holds. */
    void update(Payment payment) {
        jdbc.sql("UPDATE payment SET status = ?, failure_reason = ?, updated_at = now() WHERE order_id = ?")
                .params(payment.status().name(), payment.reason() == null ? null : payment.reason().name(),
                        payment.orderId())
                .update();
    }

    private static Payment payment(ResultSet row, int rowNum) throws SQLException {
        String reason = row.getString("failure_reason");
        return new Payment(row.getObject("order_id", UUID.class), PaymentStatus.valueOf(row.getString("status")),
                row.getString("customer_id"), row.getString("currency"), row.getBigDecimal("amount"),
                reason == null ? null : FailureReason.valueOf(reason));
    }
}
