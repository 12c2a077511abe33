package io.relaybox.verification;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PostgresServer;

/**
 * An idle outbox does not pin WAL: while only another database of the cluster is written, the connector's
 * heartbeat (a logical decoding message in the orders database) lets its replication slot confirm past that WAL.
 */
@Order(9)
@ExtendWith(SharedPlatform.class)
class IdleDatabaseHeartbeatIT {

    private static final String SLOT = "relaybox_orders_outbox";

    @Test
    void confirmsWalWrittenByAnotherDatabaseWhileTheOutboxIsIdle(LocalPlatform platform) throws Exception {
        PostgresServer postgres = platform.postgres();
        postgres.execute("postgres", "DROP DATABASE IF EXISTS heartbeat_filler");
        postgres.execute("postgres", "CREATE DATABASE heartbeat_filler");
        postgres.execute("heartbeat_filler", "CREATE TABLE filler (v text)");
        postgres.execute("heartbeat_filler", "INSERT INTO filler SELECT repeat('x', 1000) FROM generate_series(1, 20000)");
        String walAfterFiller = SuperuserQuery.text(postgres, "SELECT pg_current_wal_lsn()::text");

        Awaitility.await("slot " + SLOT + " confirms past " + walAfterFiller)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Boolean.parseBoolean(SuperuserQuery.text(postgres, "SELECT (confirmed_flush_lsn >= '" + walAfterFiller
                        + "'::pg_lsn)::text FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")));
        postgres.execute("postgres", "DROP DATABASE heartbeat_filler");
    }
}
