package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchSecurityFilesTest {

    private static final ElasticsearchServer.Credentials ADMIN = new ElasticsearchServer.Credentials("relaybox", "admin-pw");
    private static final ElasticsearchServer.Credentials MONITOR = new ElasticsearchServer.Credentials("relaybox_monitor", "monitor-pw");

    @TempDir
    Path config;

    @Test
    void givesTheMonitoringUserARoleThatReadsStatisticsOnly() throws Exception {
        new ElasticsearchSecurityFiles(config, RunAs.detect()).writeUsers(ElasticsearchServer.Security.basicAuth(ADMIN).withMonitor(MONITOR));

        assertThat(Files.readAllLines(config.resolve("users"))).hasSize(2).anySatisfy(line -> assertThat(line).startsWith("relaybox:{PBKDF2}"))
                .anySatisfy(line -> assertThat(line).startsWith("relaybox_monitor:{PBKDF2}")).noneMatch(line -> line.contains("-pw"));
        assertThat(Files.readAllLines(config.resolve("users_roles"))).containsExactly("superuser:relaybox",
                ElasticsearchSecurityFiles.MONITOR_ROLE + ":relaybox_monitor");
        assertThat(Files.readString(config.resolve("roles.yml"))).contains(ElasticsearchSecurityFiles.MONITOR_ROLE + ":",
                "cluster: [monitor]", "privileges: [monitor, view_index_metadata]").doesNotContain("write", "all", "manage");
    }

    @Test
    void writesOnlyTheSuperuserWithoutAMonitoringUser() throws Exception {
        new ElasticsearchSecurityFiles(config, RunAs.detect()).writeUsers(ElasticsearchServer.Security.basicAuth(ADMIN));

        assertThat(Files.readAllLines(config.resolve("users_roles"))).containsExactly("superuser:relaybox");
        assertThat(Files.readString(config.resolve("roles.yml"))).isEmpty();
    }

    @Test
    void refusesAMonitoringUserWithoutSecurityOrUnderTheSuperusersName() {
        assertThatThrownBy(() -> ElasticsearchServer.Security.disabled().withMonitor(MONITOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElasticsearchServer.Security.basicAuth(ADMIN).withMonitor(new ElasticsearchServer.Credentials("relaybox", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
