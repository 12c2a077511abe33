package io.relaybox.verification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.relaybox.platform.PostgresServer;

/** One value read as the platform's PostgreSQL superuser, in the {@code postgres} database (replication slots, WAL). */
final class SuperuserQuery {

    private SuperuserQuery() {
    }

    /** The first column of the first row, as text. */
    static String text(PostgresServer postgres, String sql) throws SQLException {
        try (Connection connection = postgres.connectAsSuperuser("postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
