package io.relaybox.verification.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.relaybox.topology.EventTopics;
import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.topology.Topology;
import io.relaybox.verification.audit.PlatformDatabases;

/**
 * The ledger of a verification run: the outbox rows every service database committed, which the services keep during
 * the run ({@code outbox.cleanup=retain}). The run's events are the rows whose {@code occurredat} lies at or after the
 * run's start (the rows of an earlier run in the same databases are not expected again); every row, whenever it
 * occurred, is known, so that a sink holding an event no outbox ever committed can be told.
 */
final class OutboxLedger {

    private final Map<String, LedgerEvent> expected;
    private final Set<String> known;

    /**
     * @param expected the run's events, by id
     * @param known the ids of every outbox row, the run's and earlier ones
     */
    OutboxLedger(Map<String, LedgerEvent> expected, Set<String> known) {
        this.expected = Map.copyOf(expected);
        this.known = Set.copyOf(known);
    }

    /** Reads every service database's outbox, as the topology names them. */
    static OutboxLedger read(PlatformDatabases databases, Instant runStart) throws SQLException {
        Map<String, LedgerEvent> expected = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (ServiceDescriptor service : Topology.load().withDatabase()) {
            try (Connection connection = databases.connect(service.database());
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT id::text, aggregatetype, aggregateid, type, occurredat >= ? FROM outbox_event")) {
                query.setTimestamp(1, Timestamp.from(runStart));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        known.add(id);
                        if (rows.getBoolean(5)) {
                            expected.put(id, new LedgerEvent(id, EventTopics.of(rows.getString(2)), rows.getString(3), rows.getString(4)));
                        }
                    }
                }
            }
        }
        return new OutboxLedger(expected, known);
    }

    /** The run's events. */
    int size() {
        return expected.size();
    }

    /** The ids of the run's events. */
    Set<String> ids() {
        return expected.keySet();
    }

    /** The ids of the run's events routed to one of the topics (what a consumer of those topics must apply). */
    Set<String> idsOn(Collection<String> topics) {
        return expected.values().stream().filter(event -> topics.contains(event.topic())).map(LedgerEvent::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The run's events. */
    Collection<LedgerEvent> events() {
        return expected.values();
    }

    /** The run's event of that id, or null. */
    LedgerEvent event(String id) {
        return expected.get(id);
    }

    /** Whether some outbox committed the event, in the run or before. */
    boolean isKnown(String id) {
        return known.contains(id);
    }
}
