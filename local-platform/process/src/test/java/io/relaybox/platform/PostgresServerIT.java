package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    @TempDir
    static Path folder;

    static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.create(folder.resolve("pgdata"), FreePort.any(), folder.resolve("postgres.log"), "s3cret");
        server.start(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            server.deleteData();
        }
    }

    @Test
    void runsWithLogicalDecodingAndAcceptsAnApplicationRole() throws Exception {
        server.ensureRole("shop_app", "app-pw", false);
        server.ensureDatabase("shop", "shop_app");

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("shop"), "shop_app", "app-pw");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW wal_level")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("logical");
        }
    }

    @Test
    void boundsTheWalASlotMayPinAndLetsAnOperatorChangeTheBound() throws Exception {
        assertThat(show("max_slot_wal_keep_size")).isEqualTo("2GB");

        server.execute("postgres", "ALTER SYSTEM SET max_slot_wal_keep_size = '64MB'");
        server.execute("postgres", "SELECT pg_reload_conf()");
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> show("max_slot_wal_keep_size").equals("64MB"));
        } finally {
            server.execute("postgres", "ALTER SYSTEM SET max_slot_wal_keep_size = '2GB'");
            server.execute("postgres", "SELECT pg_reload_conf()");
        }
    }

    private static String show(String setting) throws Exception {
        try (Connection connection = server.connectAsSuperuser("postgres"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void comesBackWithItsDataAfterAKill() throws Exception {
        server.ensureRole("kill_app", "pw", false);
        server.ensureDatabase("survivor", "kill_app");
        server.execute("survivor", "CREATE TABLE IF NOT EXISTS t (v int); INSERT INTO t VALUES (42)");

        long before = server.process().pid();
        server.process().kill();
        assertThat(server.process().isAlive()).isFalse();
        server.start(Duration.ofSeconds(60));

        assertThat(server.process().pid()).isNotEqualTo(before);
        try (Connection connection = server.connectAsSuperuser("survivor");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sum(v) FROM t")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }
}
