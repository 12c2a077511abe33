package io.relaybox.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import io.relaybox.platform.PostgresEndpoint;

/** A database owned by the application role, migrated with the outbox migration as a service's Flyway would. */
public record TestDatabase(PostgresEndpoint server, String name, DataSource dataSource) {

    static final String APP_ROLE = "outbox_app";
    static final String APP_PASSWORD = "app-pw";

    public static TestDatabase create(PostgresEndpoint server, String name) {
        server.ensureRole(APP_ROLE, APP_PASSWORD, false);
        server.ensureDatabase(name, APP_ROLE);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(name));
        dataSource.setUser(APP_ROLE);
        dataSource.setPassword(APP_PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/relaybox/outbox").load().migrate();
        return new TestDatabase(server, name, dataSource);
    }

    /** Runs SQL as the application role, in auto-commit mode. */
    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String table) {
        return queryLong("SELECT count(*) FROM " + table);
    }

    public long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
