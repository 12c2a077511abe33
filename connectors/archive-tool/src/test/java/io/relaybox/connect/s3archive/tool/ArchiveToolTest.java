package io.relaybox.connect.s3archive.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(verify.archive.prefix()).isEqualTo("events");
    }

    @Test
    void findsTheLocalPlatformsArchiveThroughItsRunFolder(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("secrets.properties"), "s3.relaybox=generated-secret\nconnect.relaybox=other\n");
        Files.writeString(run.resolve("platform.json"), "{\"endpoints\":{\"s3\":\"http://127.0.0.1:19000\",\"kafka\":\"127.0.0.1:19092\"}}");
        ArchiveTool.ReplayCommand replay = new ArchiveTool.ReplayCommand();
        new CommandLine(replay).parseArgs("--run-folder", run.toString(), "--topic", "orders.events", "--to-topic", "copy");

        var settings = replay.archive.settings(Map.of());

        assertThat(settings.bucket()).isEqualTo("relaybox-archive");
        assertThat(settings.endpoint()).hasValueSatisfying(u -> assertThat(u).hasPort(19000));
        assertThat(settings.accessKeyId()).isEqualTo("relaybox");
        assertThat(settings.secretAccessKey()).isEqualTo("generated-secret");
        assertThat(replay.archive.prefix()).isEqualTo("events");
        assertThat(replay.archive.platformKafka(Map.of())).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void usesTheRunFoldersSecretRatherThanAnAwsSecretExportedForAnotherAccount(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("secrets.properties"), "s3.relaybox=generated-secret\n");
        Files.writeString(run.resolve("platform.json"), "{\"endpoints\":{\"s3\":\"http://127.0.0.1:19000\"}}");
        ArchiveTool.VerifyCommand verify = new ArchiveTool.VerifyCommand();
        new CommandLine(verify).parseArgs("--topic", "orders.events");

        var settings = verify.archive.settings(Map.of("RELAYBOX_RUN_FOLDER", run.toString(), "AWS_SECRET_ACCESS_KEY", "from-env"));

        assertThat(settings.secretAccessKey()).isEqualTo("generated-secret");
    }

    @Test
    void saysThePlatformIsNotRunningWhenItsRunFolderHasNoEndpoints(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("secrets.properties"), "s3.relaybox=generated-secret\n");
        ArchiveTool.VerifyCommand verify = new ArchiveTool.VerifyCommand();
        new CommandLine(verify).parseArgs("--run-folder", run.toString(), "--topic", "orders.events");

        assertThatThrownBy(() -> verify.archive.settings(Map.of())).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("is not running").hasMessageContaining("--endpoint");
    }

    @Test
    void asksForABucketWhenNoLocalPlatformIsFound() {
        ArchiveTool.VerifyCommand verify = new ArchiveTool.VerifyCommand();
        new CommandLine(verify).parseArgs("--topic", "orders.events");

        assertThatThrownBy(() -> verify.archive.settings(Map.of())).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("give --bucket");
    }
}
