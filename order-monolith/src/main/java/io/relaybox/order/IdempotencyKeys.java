package io.relaybox.order;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_idempotency_key} table: which order each {@code Idempotency-Key} placed. */
@Repository
class IdempotencyKeys {

    /**
     * An earlier claim of a key.
     *
     * @param fingerprint what the request that claimed it asked for
     * @param orderId the order it placed
     */
    record Claim(String fingerprint, UUID orderId) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a new order, in the caller's transaction. A concurrent claim of the same key waits until the
     * first transaction ends (PostgreSQL's unique index), so only one request with a key ever places an order.
     *
     * @return empty when the key is now this order's; otherwise the earlier claim
     */
    Optional<Claim> claim(String key, String fingerprint, UUID orderId) {
        int inserted = jdbc.sql("INSERT INTO order_idempotency_key (idempotency_key, fingerprint, order_id) VALUES (?, ?, ?)"
                + " ON CONFLICT (idempotency_key) DO NOTHING").params(key, fingerprint, orderId).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT fingerprint, order_id FROM order_idempotency_key WHERE idempotency_key = ?")
                .param(key).query((row, n) -> new Claim(row.getString("fingerprint"), row.getObject("order_id", UUID.class)))
                .single());
    }
}
