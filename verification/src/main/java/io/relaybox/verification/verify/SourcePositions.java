package io.relaybox.verification.verify;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.platform.LocalPlatform;

/** How far an outbox source has come, as a WAL position that grows while it streams; -1 when it cannot tell. */
@FunctionalInterface
interface SourcePositions {

    long of(String sourceConnector);

    /** The highest {@code lsn} of the source connector's offsets in the Connect worker. */
    static SourcePositions connectOffsets(ConnectClient connect) {
        return source -> {
            try {
                return FaultInjector.walPosition(connect.offsets(source));
            } catch (RuntimeException e) {
                return -1;
            }
        };
    }

    /**
     * The position the source confirmed to its replication slot ({@code confirmed_flush_lsn}): what Debezium acknowledges
     * to PostgreSQL after committing its offsets, wherever it runs (the embedded relay keeps its offsets in a topic of its
     * own, not in Connect).
     */
    static SourcePositions replicationSlots(LocalPlatform platform) {
        Path connectors = platform.settings().layout().connectorFolder();
        Map<String, String> slots = new ConcurrentHashMap<>();
        return source -> {
            // the connector file names the slot: read once per source, not on every poll
            String slot = slots.computeIfAbsent(source,
                    name -> ConnectorDefinition.read(connectors.resolve(name + ".json")).config().get("slot.name"));
            try (Connection connection = platform.postgres().connectAsSuperuser("postgres");
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT (confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?")) {
                query.setString(1, slot);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : -1;
                }
            } catch (SQLException | RuntimeException e) {
                return -1;
            }
        };
    }
}
