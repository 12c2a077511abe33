package io.relaybox.peers.gruelbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.gruelbox.transactionoutbox.Dialect;
import com.gruelbox.transactionoutbox.Persistor;
import com.gruelbox.transactionoutbox.ThreadLocalContextTransactionManager;
import com.gruelbox.transactionoutbox.TransactionManager;
import com.gruelbox.transactionoutbox.TransactionOutbox;
import com.zaxxer.hikari.HikariDataSource;

import io.relaybox.peers.writers.PeerSettings;
import io.relaybox.peers.writers.PeerWriters;
import io.relaybox.peers.writers.PooledDataSource;

/**
 * gruelbox transaction-outbox set up as its README does: a {@link TransactionManager} over a pooled data source, the
 * PostgreSQL persistor (which creates its table), the default instantiator and submitter (one thread, a queue of
 * 16,384), and {@link TransactionOutbox#flush()} called in the background. Each writer schedules
 * {@link KafkaPublisher#publish} in the order's transaction; the library calls it right after the commit, and a flush
 * calls again whatever was not done {@value #ATTEMPT_SECONDS} s after it was scheduled (the library's default is two
 * minutes: a kill would cost two minutes of latency, which no figure here is meant to show).
 */
public final class GruelboxPeer {

    static final int ATTEMPT_SECONDS = 10;

    private GruelboxPeer() {
    }

    public static void main(String[] args) throws Exception {
        PeerSettings settings = PeerSettings.fromSystemProperties();
        try (HikariDataSource dataSource = PooledDataSource.open(settings)) {
            ThreadLocalContextTransactionManager transactions = TransactionManager.fromDataSource(dataSource);
            TransactionOutbox outbox = TransactionOutbox.builder().transactionManager(transactions)
                    .persistor(Persistor.forDialect(Dialect.POSTGRESQL_9)).attemptFrequency(Duration.ofSeconds(ATTEMPT_SECONDS)).build();
            ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
            flusher.scheduleWithFixedDelay(() -> {
                try {
                    outbox.flush();
                } catch (RuntimeException e) {
                    System.out.println("peer: flush failed: " + e);
                }
            }, 1, 1, TimeUnit.SECONDS);
            PeerWriters.run(settings, dataSource, (seq, event) -> transactions.inTransactionThrows(transaction -> {
                PeerWriters.insertOrder(transaction.connection(), settings.run(), seq, event);
                outbox.schedule(KafkaPublisher.class).publish(settings.topic(), event.orderId(), event.toJson());
            }));
            PeerWriters.awaitStop();
        }
    }
}
