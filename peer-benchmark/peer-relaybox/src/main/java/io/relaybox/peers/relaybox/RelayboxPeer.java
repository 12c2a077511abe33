package io.relaybox.peers.relaybox;

import com.zaxxer.hikari.HikariDataSource;

import io.relaybox.outbox.JdbcTransactions;
import io.relaybox.outbox.Outbox;
import io.relaybox.peers.writers.OrderPlaced;
import io.relaybox.peers.writers.PeerSettings;
import io.relaybox.peers.writers.PeerWriters;
import io.relaybox.peers.writers.PooledDataSource;

/**
 * The writers of this platform's CDC path, as a service without Spring uses the outbox library: {@link JdbcTransactions}
 * over a pool, {@link Outbox#publish} in the order's transaction (the row is deleted again in the same transaction:
 * the library's default, delete-after-insert). The topic is {@code <aggregate type>.events}, routed by the connector;
 * this process publishes nothing itself.
 */
public final class RelayboxPeer {

    private RelayboxPeer() {
    }

    public static void main(String[] args) throws Exception {
        PeerSettings settings = PeerSettings.fromSystemProperties();
        String aggregateType = settings.topic().substring(0, settings.topic().length() - ".events".length());
        try (HikariDataSource dataSource = PooledDataSource.open(settings)) {
            JdbcTransactions transactions = JdbcTransactions.of(dataSource);
            Outbox outbox = Outbox.builder().connectionSource(transactions).build();
            PeerWriters.run(settings, dataSource, (seq, event) -> transactions.inTransaction(() -> {
                PeerWriters.insertOrder(transactions.currentTransactionConnection(), settings.run(), seq, event);
                // the benchmark's own event, the same record every peer writes: not the platform's OrderPlaced contract
                outbox.publish(aggregateType, event.orderId(), OrderPlaced.class.getSimpleName(), event);
            }));
            PeerWriters.awaitStop();
        }
    }
}
