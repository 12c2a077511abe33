package io.relaybox.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.TargetState;

/**
 * Recovers a Debezium outbox source whose replication slot PostgreSQL invalidated ({@code max_slot_wal_keep_size}):
 * the procedure of docs/operations.md as one command ({@code ./platform recover-slot CONNECTOR}). Stops the connector,
 * drops the lost slot, forgets the connector's offset (a WAL position that no longer exists), resumes it on a new slot
 * and publishes the outbox rows since a little before the last event Kafka holds from that database again (deleted and
 * inserted in one transaction: new inserts in the WAL, with their event ids, so what had reached Kafka before is a
 * duplicate the consumers' inboxes skip). It needs the outbox's retain mode ({@code outbox.cleanup=retain}): rows
 * already deleted are gone.
 */
public final class SlotRecovery {

    /** How long before the last published event republishing starts: events committed out of time order. */
    public static final Duration MARGIN = Duration.ofMinutes(1);

    private static final String POSTGRES_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";
    // what PostgreSQL answers a reader of an invalidated slot, as Debezium's task failure carries it
    private static final Pattern LOST_SLOT = Pattern.compile(
            "can no longer get changes from replication slot \"?([A-Za-z0-9_]+)\"?|replication slot \"?([A-Za-z0-9_]+)\"? .*has been invalidated");

    /**
     * What the recovery did.
     *
     * @param connector the connector
     * @param database its database
     * @param slot its slot, dropped and created anew
     * @param since rows that occurred at or after this were published again
     * @param republished how many outbox rows were published again
     */
    public record Outcome(String connector, String database, String slot, Instant since, int republished) {
    }

    private final ConnectClient connect;
    private final PostgresEndpoint postgres;
    private final String bootstrapServers;
    private final Consumer<String> progress;

    /**
     * @param connect the Connect worker that runs the connector
     * @param postgres the PostgreSQL of its database, as superuser (to drop the slot and republish rows)
     * @param bootstrapServers the Kafka the connector writes to (to find the last event it published)
     * @param progress told each step, for a person watching
     */
    public SlotRecovery(ConnectClient connect, PostgresEndpoint postgres, String bootstrapServers, Consumer<String> progress) {
        this.connect = Objects.requireNonNull(connect, "connect");
        this.postgres = Objects.requireNonNull(postgres, "postgres");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * The advice for a connector task's failure when it is a lost replication slot (a task that was streaming when
     * PostgreSQL invalidated its slot fails with PostgreSQL's "can no longer get changes from replication slot").
     *
     * @param connector the connector's name
     * @param trace the failed task's trace
     * @return what happened and the command that recovers, or empty for any other failure
     */
    public static Optional<String> diagnose(String connector, String trace) {
        if (trace == null) {
            return Optional.empty();
        }
        var matcher = LOST_SLOT.matcher(trace);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(advice(connector, matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
    }

    /**
     * The advice for every PostgreSQL source connector of the worker whose replication slot PostgreSQL invalidated. A
     * connector (re)started on a lost slot does not fail at once: Debezium waits for a valid slot for up to 30 minutes
     * (900 tries, 2 s apart) while its task reports no state, and then fails blaming long-running transactions. So the
     * slot itself is asked.
     *
     * @param connect the Connect worker
     * @param postgres the PostgreSQL of the connectors' databases (as superuser)
     * @return by connector name, what happened and the command that recovers; empty when no slot is lost
     */
    public static Map<String, String> lostSlots(ConnectClient connect, PostgresEndpoint postgres) {
        return lostSlots(connect.connectorConfigs(), ReplicationSlots.read(postgres));
    }

    /**
     * The same from what was read already.
     *
     * @param connectorConfigs the worker's connector configurations by connector name
     * @param slots the server's replication slots
     * @return by connector name, what happened and the command that recovers; empty when no connector's slot is lost
     */
    public static Map<String, String> lostSlots(Map<String, Map<String, String>> connectorConfigs, List<ReplicationSlots.Slot> slots) {
        Map<String, String> advice = new java.util.TreeMap<>();
        connectorConfigs.forEach((connector, config) -> {
            String database = config.get("database.dbname");
            if (POSTGRES_CONNECTOR.equals(config.get("connector.class")) && database != null) {
                String slot = config.getOrDefault("slot.name", "debezium");
                if (slots.stream().anyMatch(s -> s.name().equals(slot) && s.lost())) {
                    advice.put(connector, advice(connector, slot));
                }
            }
        });
        return advice;
    }

    private static String advice(String connector, String slot) {
        return "PostgreSQL invalidated replication slot " + slot + " (it kept more WAL than max_slot_wal_keep_size): the events in"
                + " the removed WAL never reached Kafka, and the connector cannot go on from its offset. Recover with"
                + " ./platform recover-slot " + connector + " (docs/operations.md)";
    }

    /**
     * Recovers the connector.
     *
     * @param connector the outbox source connector's name
     * @param since republish the rows that occurred at or after this; empty: {@link #MARGIN} before the last event Kafka
     *        holds from the connector's database (every retained row when it holds none)
     * @param timeout how long to wait for each step (the connector to stop, to run, its new slot to stream)
     * @return what was done
     * @throws PlatformException when the connector is not a PostgreSQL source, its slot was not invalidated, or a step
     *         fails; the steps done stay done, and running the command again goes on from there
     */
    public Outcome recover(String connector, Optional<Instant> since, Duration timeout) {
        Map<String, String> config = connect.config(connector)
                .orElseThrow(() -> new PlatformException("no connector " + connector + " on " + connect.baseUri()));
        if (!POSTGRES_CONNECTOR.equals(config.get("connector.class"))) {
            throw new PlatformException(connector + " is not a Debezium PostgreSQL source (" + config.get("connector.class") + ")");
        }
        String database = required(config, connector, "database.dbname");
        String slot = config.getOrDefault("slot.name", "debezium");
        String table = outboxTable(config, connector);
        Optional<String> walStatus = walStatus(postgres, slot);
        if (walStatus.isPresent() && !"lost".equals(walStatus.get())) {
            throw new PlatformException("replication slot " + slot + " of " + connector + " is not invalidated (wal_status "
                    + walStatus.get() + "): nothing to recover");
        }
        Instant from = since.orElseGet(() -> lastPublished(database, table, config).map(last -> last.minus(MARGIN)).orElse(Instant.EPOCH));

        progress.accept("stopping " + connector);
        connect.stop(connector);
        connect.awaitState(connector, TargetState.STOPPED, timeout)
                .orElseThrow(() -> new PlatformException(connector + " did not stop within " + timeout));
        if (walStatus.isPresent()) {
            progress.accept("dropping the lost slot " + slot);
            update(database, "SELECT pg_drop_replication_slot(?)", slot);
        }
        progress.accept("resetting the offset of " + connector + " and resuming it on a new slot");
        connect.resetOffsets(connector);
        connect.resume(connector);
        connect.awaitRunning(connector, timeout);
        awaitActive(slot, timeout);
        progress.accept("publishing the rows of " + database + "." + table + " since " + from + " again");
        int republished = republish(database, table, from);
        return new Outcome(connector, database, slot, from, republished);
    }

    /** The slot's wal_status; slot names are unique in the server. */
    private static Optional<String> walStatus(PostgresEndpoint postgres, String slot) {
        return ReplicationSlots.find(postgres, slot).map(ReplicationSlots.Slot::walStatus);
    }

    /** The newest {@code occurredat} of the events Kafka holds in the topics of the rows' aggregate types. */
    private Optional<Instant> lastPublished(String database, String table, Map<String, String> config) {
        String replacement = config.getOrDefault("transforms.outbox.route.topic.replacement", "outbox.event.${routedByValue}");
        List<String> topics = new ArrayList<>();
        try (Connection connection = postgres.connectAsSuperuser(database);
                PreparedStatement query = connection.prepareStatement("SELECT DISTINCT aggregatetype FROM " + table);
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                topics.add(replacement.replace("${routedByValue}", result.getString(1)));
            }
        } catch (SQLException e) {
            throw new PlatformException("cannot read the aggregate types of " + database + "." + table + ": " + e.getMessage(), e);
        }
        progress.accept("reading the last events of " + topics + " in Kafka");
        return LastPublishedEvent.occurredAt(bootstrapServers, topics);
    }

    private void awaitActive(String slot, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!active(slot)) {
            if (System.nanoTime() > deadline) {
                throw new PlatformException("the connector runs, but no reader streams from a new slot " + slot + " after " + timeout);
            }
            pause();
        }
    }

    private boolean active(String slot) {
        return ReplicationSlots.find(postgres, slot).filter(ReplicationSlots.Slot::active).isPresent();
    }

    private int republish(String database, String table, Instant from) {
        try (Connection connection = postgres.connectAsSuperuser(database);
                PreparedStatement statement = connection.prepareStatement("WITH missed AS (DELETE FROM " + table
                        + " WHERE occurredat >= ? RETURNING *) INSERT INTO " + table + " SELECT * FROM missed")) {
            statement.setTimestamp(1, Timestamp.from(from));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PlatformException("cannot publish the rows of " + database + "." + table + " again: " + e.getMessage(), e);
        }
    }

    private void update(String database, String sql, String parameter) {
        try (Connection connection = postgres.connectAsSuperuser(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.execute();
        } catch (SQLException e) {
            throw new PlatformException(sql + " (" + parameter + ") failed in " + database + ": " + e.getMessage(), e);
        }
    }

    /** The connector's one captured table, schema-qualified as a quoted SQL name. */
    private static String outboxTable(Map<String, String> config, String connector) {
        String include = required(config, connector, "table.include.list");
        String[] tables = include.split(",");
        if (tables.length != 1 || !tables[0].trim().matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")) {
            throw new PlatformException(connector + " must capture one outbox table (schema.table), its table.include.list is: " + include);
        }
        String[] parts = tables[0].trim().split("\\.");
        return "\"" + parts[0] + "\".\"" + parts[1] + "\"";
    }

    private static String required(Map<String, String> config, String connector, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new PlatformException(connector + " has no " + key);
        }
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }
}
