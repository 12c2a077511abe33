package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresEndpointTest {

    private final PostgresEndpoint endpoint = new PostgresEndpoint("db.example", 15432, "s3cret");

    @Test
    void pointsJdbcAtItsHostAndPort() {
        assertThat(endpoint.jdbcUrl("orders")).isEqualTo("jdbc:postgresql://db.example:15432/orders");
    }

    @Test
    void neverShowsTheSuperusersPassword() {
        assertThat(endpoint.toString()).doesNotContain("s3cret").contains("db.example:15432", "postgres");
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiersBeforeConnecting() {
        assertThatThrownBy(() -> endpoint.ensureRole("app; DROP ROLE postgres", "pw", false)).isInstanceOf(PlatformException.class)
                .hasMessageContaining("not a plain lower-case SQL identifier");
        assertThatThrownBy(() -> endpoint.ensureDatabase("orders", "Owner")).isInstanceOf(PlatformException.class)
                .hasMessageContaining("Owner");
    }

    @Test
    void aLocalServerListensOnLoopbackWithTheSettingsEveryProjectPostgresRunsWith() {
        assertThat(PostgresServer.settings()).contains("wal_level=logical", "max_replication_slots=20", "max_wal_senders=20")
                .noneMatch(setting -> setting.startsWith("listen_addresses"));
    }
}
