package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {

    @Test
    void pointsTheBundledLocalProfileAtTheLocalPlatform() {
        Profile local = Profile.load("local");

        assertThat(local.connectUrl()).contains(URI.create("http://127.0.0.1:18083"));
        assertThat(local.settings()).containsEntry("database.hostname", "127.0.0.1");
    }

    @Test
    void keepsTheComposeHostNamesInTheDockerProfile() {
        ConnectorDefinition orders = ConnectorDefinition.readBundled("orders-outbox-source.json");

        assertThat(Profile.load("docker").applyTo(orders).config()).containsEntry("database.hostname", "postgres");
    }

    @Test
    void replacesOnlySettingsTheConnectorHas() {
        Profile profile = Profile.parse("p", "connect.url=http://w:8083\nset.database.hostname=127.0.0.1\nset.connection.url=http://es:9200\n");
        ConnectorDefinition connector = new ConnectorDefinition("c", Map.of("database.hostname", "postgres", "a", "b"));

        assertThat(profile.applyTo(connector).config()).containsOnly(Map.entry("database.hostname", "127.0.0.1"), Map.entry("a", "b"));
    }

    @Test
    void loadsAProfileFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("staging.properties"), "connect.url=https://connect.staging:8083\n");

        assertThat(Profile.load(file.toString()).connectUrl()).contains(URI.create("https://connect.staging:8083"));
    }

    @Test
    void rejectsUnknownProfilesAndKeys() {
        assertThatThrownBy(() -> Profile.load("nowhere")).isInstanceOf(ConnectorFileException.class)
                .hasMessage("unknown profile nowhere: use one of [local, docker] or a profile file");
        assertThatThrownBy(() -> Profile.parse("p", "database.hostname=x")).isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("unknown key database.hostname");
    }
}
