package io.relaybox.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCommitBarrierTest {

    private static final Map<TopicPartition, OffsetAndMetadata> OFFSETS = Map.of(
            new TopicPartition("orders.events", 3), new OffsetAndMetadata(42));

    @TempDir
    Path folder;

    @Test
    void passesAtOnceWhileTheTriggerFileIsAbsent() throws Exception {
        FileCommitBarrier barrier = new FileCommitBarrier(folder.resolve("pause"), Duration.ofMillis(5));

        barrier.beforeOffsetCommit(OFFSETS);

        assertThat(barrier.pausedMarker()).doesNotExist();
    }

    @Test
    void announcesThePauseWithTheOffsetsAndWaitsUntilTheTriggerIsDeleted() throws Exception {
        Path trigger = Files.writeString(folder.resolve("pause"), "");
        FileCommitBarrier barrier = new FileCommitBarrier(trigger, Duration.ofMillis(5));

        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> pass(barrier));

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(barrier.pausedMarker()));
        assertThat(barrier.pausedMarker().getFileName().toString()).isEqualTo("pause.paused");
        assertThat(Files.readString(barrier.pausedMarker())).contains("orders.events-3", "offset=42");
        assertThat(commit).isNotDone();

        Files.delete(trigger);

        commit.get(10, TimeUnit.SECONDS);
        assertThat(barrier.pausedMarker()).doesNotExist();
    }

    @Test
    void endsAPauseWithoutCommittingWhenTheApplicationStops() throws Exception {
        Path trigger = Files.writeString(folder.resolve("pause"), "");
        FileCommitBarrier barrier = new FileCommitBarrier(trigger, Duration.ofMillis(5));
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> pass(barrier));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(barrier.pausedMarker()));

        barrier.release();

        assertThatThrownBy(() -> commit.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offsets stay uncommitted");
    }

    private static void pass(FileCommitBarrier barrier) {
        try {
            barrier.beforeOffsetCommit(OFFSETS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
