package io.relaybox.service.contract;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.relaybox.platform.PostgresEndpoint;

/**
 * A service's own database on the test PostgreSQL, owned by the service's role as on the platform; the service's
 * Flyway migrates it when an instance starts. Reads what the service did, and sets up test data.
 */
public final class ServiceDatabase {

    static final String PASSWORD = "service-pw";

    private final String url;
    private final String role;
    private final DataSource dataSource;

    private ServiceDatabase(String url, String role) {
        this.url = url;
        this.role = role;
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(role);
        source.setPassword(PASSWORD);
        source.setConnectTimeout(5);
        this.dataSource = source;
    }

    /** Creates the role and the database unless they exist. */
    public static ServiceDatabase create(PostgresEndpoint server, String database, String role) {
        server.ensureRole(role, PASSWORD, false);
        server.ensureDatabase(database, role);
        return new ServiceDatabase(server.jdbcUrl(database), role);
    }

    public String url() {
        return url;
    }

    public String role() {
        return role;
    }

    public String password() {
        return PASSWORD;
    }

    /** The first column of the single row, as a number (0 when it is SQL NULL). */
    public BigDecimal decimal(String sql, Object... params) {
        return query(sql, params, rows -> {
            if (!rows.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            BigDecimal value = rows.getBigDecimal(1);
            return value == null ? BigDecimal.ZERO : value;
        });
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... params) {
        return query(sql, params, rows -> {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        });
    }

    public void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, params)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The types of the events the service published for the aggregate, in the order published. */
    public List<String> eventTypes(String aggregateType, Object aggregateId) {
        return strings("SELECT type FROM outbox_event WHERE aggregatetype = ? AND aggregateid = ? ORDER BY id",
                aggregateType, aggregateId.toString());
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Object[] params, Rows<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
