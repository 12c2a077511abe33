package io.relaybox.outbox.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import io.relaybox.outbox.JdbcTransactions;
import io.relaybox.platform.PostgresEndpoint;

/**
 * A consuming service's database, migrated with the library's migration as its Flyway would, plus the table the test
 * handlers write their effect into ({@code ledger}: one row per applied event, in the order applied).
 */
record ServiceDatabase(String name, DataSource dataSource, JdbcTransactions transactions) {

    static ServiceDatabase create(PostgresEndpoint server, String name) {
        server.ensureRole("inbox_app", "app-pw", false);
        server.ensureDatabase(name, "inbox_app");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(name));
        dataSource.setUser("inbox_app");
        dataSource.setPassword("app-pw");
        dataSource.setConnectTimeout(5);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/relaybox/outbox").load().migrate();
        ServiceDatabase database = new ServiceDatabase(name, dataSource, JdbcTransactions.of(dataSource));
        database.execute("CREATE TABLE IF NOT EXISTS ledger (n bigserial PRIMARY KEY, consumer text, aggregate_id text,"
                + " event_id uuid, type text)");
        return database;
    }

    /** The effect of one event: a ledger row, written on the inbox's transaction connection. */
    static void record(String consumer, io.relaybox.outbox.inbox.InboxEvent event, Connection connection)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger (consumer, aggregate_id, event_id, type) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, event.aggregateId());
            insert.setObject(3, event.id());
            insert.setString(4, event.type());
            insert.executeUpdate();
        }
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** How many ledger rows the consumer wrote; 0 while the database is down. */
    long applied(String consumer) {
        try {
            return count("SELECT count(*) FROM ledger WHERE consumer = '" + consumer + "'");
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    /** The events the consumer applied to the aggregate, in the order it applied them. */
    List<UUID> ledger(String consumer, String aggregateId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT event_id FROM ledger WHERE consumer = ? AND aggregate_id = ? ORDER BY n")) {
            select.setString(1, consumer);
            select.setString(2, aggregateId);
            try (ResultSet rows = select.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
