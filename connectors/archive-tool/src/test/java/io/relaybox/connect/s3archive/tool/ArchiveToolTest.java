package io.relaybox.connect.s3archive.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.relaybox.connect.s3archive.replay.EventIdOccurrences;
import io.relaybox.connect.s3archive.replay.VerificationReport;
import picocli.CommandLine;

class ArchiveToolTest {

    @Test
    void refusesAReplayWithoutTargetTopic() {
        assertThat(ArchiveTool.run("replay", "--bucket", "b", "--topic", "orders.events", "--bootstrap", "k:9092")).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--endpoint | ht tp://x                  | archive: --endpoint 'ht tp://x' is not a URL",
        "--endpoint | localhost:19000            | archive: --endpoint 'localhost:19000' must be http:// or https://",
        "--endpoint | http://key:s3cret@host:1   | archive: --endpoint must not hold credentials",
        "--bucket   | My_Bucket                  | archive: --bucket 'My_Bucket' is not an S3 bucket name",
        "--from     | yesterday                  | archive: Invalid value for option '--from'" })
    void refusesAMalformedOptionInOneLineWithExitTwoAndNeverEchoesASecret(String option, String value, String message) {
        StringWriter err = new StringWriter();
        Map<String, String> options = new java.util.LinkedHashMap<>(Map.of("--topic", "orders.events", "--to-topic", "t",
                "--bootstrap", "k:9092", "--bucket", "relaybox-archive", "--endpoint", "http://127.0.0.1:1"));
        options.put(option, value);
        List<String> args = new java.util.ArrayList<>(List.of("replay"));
        options.forEach((name, given) -> args.addAll(List.of(name, given)));

        int exit = ArchiveTool.commandLine().setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(message).endsWith("(see archive replay --help)\n").hasLineCount(1).doesNotContain("s3cret");
    }

    @Test
    void explainsEachCommandsOptionsWithHelp() {
        StringWriter verifyHelp = new StringWriter();
        StringWriter replayHelp = new StringWriter();

        int verifyExit = new CommandLine(new ArchiveTool()).setOut(new PrintWriter(verifyHelp)).execute("verify", "--help");
        int replayExit = new CommandLine(new ArchiveTool()).setOut(new PrintWriter(replayHelp)).execute("replay", "--help");

        assertThat(verifyExit).isZero();
        assertThat(verifyHelp.toString()).contains("--allow-duplicates").contains("Exit 1 when something is wrong");
        assertThat(replayExit).isZero();
        assertThat(replayHelp.toString()).contains("--keep-duplicates").contains("Each event id once");
    }

    @Test
    void verifyFailsOnDuplicateEventIdsUnlessTheyAreAllowed() {
        VerificationReport duplicatesOnly = report(List.of(), List.of(duplicate()));

        assertThat(ArchiveTool.VerifyCommand.passes(duplicatesOnly, false)).isFalse();
        assertThat(ArchiveTool.VerifyCommand.passes(duplicatesOnly, true)).isTrue();
        assertThat(ArchiveTool.VerifyCommand.passes(report(List.of(), List.of()), false)).isTrue();
    }

    @Test
    void verifyFailsOnAGapEvenWhenDuplicatesAreAllowed() {
        assertThat(ArchiveTool.VerifyCommand.passes(report(List.of("orders.events-0: 10..19"), List.of(duplicate())), true)).isFalse();
    }

    @Test
    void verifiesEveryTopicNamedOrAllWhenNoneIs() {
        ArchiveTool.VerifyCommand some = new ArchiveTool.VerifyCommand();
        new CommandLine(some).parseArgs("--bucket", "b", "--topic", "orders.events", "--topic", "payments.events", "--allow-duplicates");
        ArchiveTool.VerifyCommand all = new ArchiveTool.VerifyCommand();
        new CommandLine(all).parseArgs("--bucket", "b");

        assertThat(some.topics).containsExactly("orders.events", "payments.events");
        assertThat(some.allowDuplicates).isTrue();
        assertThat(all.topics).isEmpty();
        assertThat(all.allowDuplicates).isFalse();
    }

    @Test
    void replaySaysHowManyDuplicatesItSkippedAndHowManyRecordsHadNoEventId() {
        String printed = ArchiveTool.ReplayCommand.summary(new ArchiveReplayer.Result(301, 4, 0, 60, 1), "orders.events", "copy", false);

        assertThat(printed.lines()).containsExactly("replayed 301 records from 4 objects of orders.events into copy (0 outside the range)",
                "duplicates skipped: 60 (records whose event id was already replayed; --keep-duplicates replays them)",
                "records without an id header, replayed as they are (they cannot be deduplicated): 1");
    }

    @Test
    void replaysEveryCopyOnlyWhenAskedToKeepDuplicates() {
        ArchiveTool.ReplayCommand byDefault = new ArchiveTool.ReplayCommand();
        new CommandLine(byDefault).parseArgs("--bucket", "b", "--topic", "orders.events", "--to-topic", "copy");
        ArchiveTool.ReplayCommand verbatim = new ArchiveTool.ReplayCommand();
        new CommandLine(verbatim).parseArgs("--bucket", "b", "--topic", "orders.events", "--to-topic", "copy", "--keep-duplicates");

        assertThat(byDefault.keepDuplicates).isFalse();
        assertThat(verbatim.keepDuplicates).isTrue();
        assertThat(ArchiveTool.ReplayCommand.summary(new ArchiveReplayer.Result(361, 4, 0, 0, 0), "orders.events", "copy", true))
                .contains("duplicates kept (--keep-duplicates)").doesNotContain("duplicates skipped");
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

    private static VerificationReport report(List<String> gaps, List<EventIdOccurrences.Duplicate> duplicates) {
        return new VerificationReport("orders.events", Map.of(0, new VerificationReport.PartitionSummary(1, 3, 0, 2, 100)), gaps, List.of(),
                List.of(), duplicates, 2, 0, Optional.empty(), false);
    }

    private static EventIdOccurrences.Duplicate duplicate() {
        String key = "events/orders.events/dt=2026-11-25/partition=0/orders.events+0+00000000000000000000.ndjson.gz";
        return new EventIdOccurrences.Duplicate("e-1", List.of(new EventIdOccurrences.Place(key, 1, "orders.events", 0, 0),
                new EventIdOccurrences.Place(key, 3, "orders.events", 0, 2)));
    }
}
