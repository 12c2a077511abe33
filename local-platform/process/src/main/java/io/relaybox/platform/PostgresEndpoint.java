package io.relaybox.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL that accepts connections, whoever runs it: where it listens and how its superuser logs in, and what
 * that superuser does for a client (roles, databases, SQL). A {@link PostgresServer} has one ({@link
 * PostgresServer#endpoint()}); so may a server this library does not run (a container, say). Starting and stopping
 * belong to whoever runs the server.
 */
public final class PostgresEndpoint {

    public static final String SUPERUSER = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String superuserPassword;

    /**
     * @param host the host name or address clients connect to
     * @param superuserPassword the password of the {@value #SUPERUSER} superuser
     */
    public PostgresEndpoint(String host, int port, String superuserPassword) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.superuserPassword = Objects.requireNonNull(superuserPassword, "superuserPassword");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new connection as the superuser; the caller closes it. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", superuserPassword);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates the login role, or resets its password when it exists. */
    public void ensureRole(String role, String password, boolean replication) {
        requireIdentifier(role);
        try (Connection connection = connectAsSuperuser("postgres"); Statement statement = connection.createStatement()) {
            String attributes = "LOGIN" + (replication ? " REPLICATION" : "") + " PASSWORD " + quoteLiteral(password);
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                statement.execute("ALTER ROLE " + role + " WITH " + attributes);
            } else {
                statement.execute("CREATE ROLE " + role + " WITH " + attributes);
            }
        } catch (SQLException e) {
            throw new PlatformException("cannot create role " + role + ": " + e.getMessage(), e);
        }
    }

    /** Creates the database owned by the role unless it exists. */
    public void ensureDatabase(String database, String owner) {
        requireIdentifier(database);
        requireIdentifier(owner);
        try (Connection connection = connectAsSuperuser("postgres"); Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
            }
        } catch (SQLException e) {
            throw new PlatformException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Runs SQL as the superuser in the database. */
    public void execute(String database, String sql) {
        try (Connection connection = connectAsSuperuser(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new PlatformException("SQL failed in database " + database + ": " + e.getMessage() + "\n    " + sql, e);
        }
    }

    /** Whether the server accepts the superuser's connections now. */
    public boolean acceptsConnections() throws SQLException {
        try (Connection connection = connectAsSuperuser("postgres")) {
            return connection.isValid(2);
        }
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + host + ":" + port + ", superuser=" + SUPERUSER + ", password=****]";
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new PlatformException("not a plain lower-case SQL identifier: " + name);
        }
    }

    static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
