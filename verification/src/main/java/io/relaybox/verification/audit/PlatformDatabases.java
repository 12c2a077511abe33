package io.relaybox.verification.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The platform's service databases, reached as the superuser: the demo and the tests read the outcome of every
 * service from there.
 *
 * @param ordersJdbcUrl the JDBC URL of the {@code orders} database; the others differ only in the database name
 * @param superuserPassword the password of the {@code postgres} superuser
 */
public record PlatformDatabases(String ordersJdbcUrl, String superuserPassword) {

    /** A new connection to the database ({@code orders}, {@code inventory} or {@code payment}); the caller closes it. */
    public Connection connect(String database) throws SQLException {
        String url = ordersJdbcUrl.substring(0, ordersJdbcUrl.lastIndexOf('/') + 1) + database;
        return DriverManager.getConnection(url, "postgres", superuserPassword);
    }
}
