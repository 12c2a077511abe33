package io.relaybox.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The replication slots of a PostgreSQL server, as {@code pg_replication_slots} shows them at one moment. */
public final class ReplicationSlots {

    private static final String QUERY = "SELECT slot_name, coalesce(database, ''), active, coalesce(wal_status, 'unknown'),"
            + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint FROM pg_replication_slots ORDER BY slot_name";

    /**
     * One slot.
     *
     * @param name the slot's name
     * @param database its database; empty for a physical slot
     * @param active whether a client streams from it now
     * @param walStatus {@code reserved}, {@code extended}, {@code unreserved}, {@code lost} (invalidated: PostgreSQL removed
     *        WAL it still needed), or {@code unknown}
     * @param retainedWalBytes the WAL it keeps on disk: the current WAL position minus its restart position
     */
    public record Slot(String name, String database, boolean active, String walStatus, long retainedWalBytes) {

        /** Whether PostgreSQL invalidated it ({@code max_slot_wal_keep_size}). */
        public boolean lost() {
            return "lost".equals(walStatus);
        }
    }

    private ReplicationSlots() {
    }

    /** Every slot of the server, by name; asked as the superuser in the {@code postgres} database. */
    public static List<Slot> read(PostgresEndpoint postgres) {
        List<Slot> slots = new ArrayList<>();
        try (Connection connection = postgres.connectAsSuperuser("postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(QUERY)) {
            while (result.next()) {
                slots.add(new Slot(result.getString(1), result.getString(2), result.getBoolean(3), result.getString(4), result.getLong(5)));
            }
            return slots;
        } catch (SQLException e) {
            throw new PlatformException("cannot read the replication slots: " + e.getMessage(), e);
        }
    }

    /** The slot of that name, if the server has one. */
    public static Optional<Slot> find(PostgresEndpoint postgres, String name) {
        return read(postgres).stream().filter(slot -> slot.name().equals(name)).findFirst();
    }
}
