package io.relaybox.connect.s3archive.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class ArchiveToolTest {

    @Test
    void refusesAReplayWithoutTargetTopic() {
        assertThat(ArchiveTool.run("replay", "--bucket", "b", "--topic", "orders.events", "--bootstrap", "k:9092")).isEqualTo(2);
    }

    @Test
    void readsTheSinkSettingsFromOptionsAndTheSecretFromTheEnvironmentOnly() {
        ArchiveTool.VerifyCommand verify = new ArchiveTool.VerifyCommand();
        new CommandLine(verify).parseArgs("--bucket", "relaybox-archive", "--endpoint", "http://127.0.0.1:19000", "--prefix", "events",
                "--access-key", "relaybox", "--secret-key-env", "NO_SUCH_VARIABLE_FOR_TEST", "--topic", "orders.events");

        assertThat(verify.archive.settings().pathStyleAccess()).isTrue();
        assertThat(verify.archive.settings().endpoint()).hasValueSatisfying(u -> assertThat(u).hasPort(19000));
        assertThat(verify.archive.settings().secretAccessKey()).isEmpty();
        assertThat(verify.archive.prefix).isEqualTo("events");
    }
}
