package io.relaybox.peers.driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.relaybox.platform.PostgresServer;

/**
 * What a peer's outbox tables cost the database, from {@code pg_stat_user_tables} (every table of the peer's database
 * but the orders, {@code bench_order}, or only the one named), and the WAL the whole server wrote. A difference of two
 * readings is a run's load.
 *
 * @param rowsRead rows read: sequential scans' tuples plus index fetches
 * @param inserted rows inserted
 * @param updated rows updated
 * @param deleted rows deleted
 * @param walBytes the server's WAL position, in bytes
 */
record DatabaseLoad(long rowsRead, long inserted, long updated, long deleted, long walBytes) {

    static DatabaseLoad read(PostgresServer postgres, String database, String onlyTable) throws SQLException {
        String tables = onlyTable == null ? "relname <> 'bench_order'" : "relname = '" + onlyTable + "'";
        try (Connection connection = postgres.connectAsSuperuser(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0), "
                        + "coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0), "
                        + "pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint FROM pg_stat_user_tables WHERE " + tables)) {
            row.next();
            return new DatabaseLoad(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        }
    }

    DatabaseLoad since(DatabaseLoad before) {
        return new DatabaseLoad(rowsRead - before.rowsRead, inserted - before.inserted, updated - before.updated, deleted - before.deleted,
                walBytes - before.walBytes);
    }
}
