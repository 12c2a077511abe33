package io.relaybox.connect.s3archive.it;

import static io.relaybox.connect.s3archive.it.ArchiveChecks.assertSameObjects;
import static io.relaybox.connect.s3archive.it.ArchiveChecks.awaitComplete;
import static io.relaybox.connect.s3archive.it.ArchiveChecks.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connect.s3archive.replay.VerificationReport;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.testkit.KafkaExtension;

@ExtendWith({KafkaExtension.class, ArchivePlatformExtension.class})
class S3ArchiveFaultIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    static ArchivePlatform platform;
    private final List<String> connectors = new ArrayList<>();

    @BeforeAll
    static void useSharedPlatform(ArchivePlatform shared) {
        platform = shared;
    }

    @AfterEach
    void deleteConnectors() {
        platform.proxy().mode(S3Faults.Mode.PASS);
        connectors.forEach(platform.client()::delete);
    }

    @Test
    void losesAndDuplicatesNothingWhenTheWorkerIsKilledMidStreamAndWritesTheSameObjectsAsACleanRun() throws Exception {
        String topic = "archive-kill";
        int n = 6_000;
        platform.createTopic(topic);
        deploy(platform.connector("archive-kill", topic, "kill", Map.of()));

        CompletableFuture<Void> producing = platform.produceSteadily(topic, n, 100, Duration.ofMillis(100));
        await().atMost(TIMEOUT).until(() -> platform.archive("kill").objects(topic).size() >= 6);
        platform.connect().process().kill(); // SIGKILL: no task stop, no offset commit, open uploads left behind
        assertThat(producing).as("killed mid-stream").isNotDone();
        int objectsWhenKilled = platform.archive("kill").objects(topic).size();
        platform.connect().process().startAndAwaitReady(Duration.ofSeconds(120));
        producing.get(90, TimeUnit.SECONDS);

        awaitComplete(platform, "kill", topic, n, TIMEOUT);
        assertThat(platform.archive("kill").objects(topic)).as("the worker was killed mid-stream").hasSizeGreaterThan(objectsWhenKilled);

        // a second connector (its own consumer group) archives the same topic without a crash: the same objects, byte for byte
        deploy(platform.connector("archive-kill-clean", topic, "kill-clean", Map.of()));
        awaitComplete(platform, "kill-clean", topic, n, TIMEOUT);
        await().atMost(TIMEOUT).untilAsserted(() -> assertSameObjects(objects(platform.store(), "kill"),
                objects(platform.store(), "kill-clean")));
    }

    @Test
    void recoversByItselfFromThrottlingAndAnUnavailableS3WithoutLossOrDuplicates() throws Exception {
        String topic = "archive-faults";
        int n = 3_000;
        platform.createTopic(topic);
        // a short retry budget: failures also reach Connect as RetriableException, and the batch comes again
        deploy(platform.connector("archive-faults", topic, "faults", Map.of("retry.timeout.ms", "1500")));

        CompletableFuture<Void> producing = platform.produceSteadily(topic, n, 150, Duration.ofMillis(100));
        await().atMost(TIMEOUT).until(() -> platform.archive("faults").objects(topic).size() >= 3);

        // each fault lasts until the tasks have run into it often enough to spend several retry budgets
        // (retry.timeout.ms=1500 with backoff 50..500 ms is at most 6 attempts per call): failures reach Connect too
        holdFault(S3Faults.Mode.SLOW_DOWN_503, 40);
        holdFault(S3Faults.Mode.TOO_MANY_REQUESTS_429, 25);
        platform.proxy().mode(S3Faults.Mode.PASS);
        producing.get(90, TimeUnit.SECONDS);

        VerificationReport report = awaitComplete(platform, "faults", topic, n, TIMEOUT);
        assertThat(platform.client().status("archive-faults")).get().extracting(ConnectorStatus::tasks).asList()
                .allSatisfy(t -> assertThat(((ConnectorStatus.TaskStatus) t).state()).isEqualTo("RUNNING"));
        // the tasks went on by themselves: they commit every complete object again
        long complete = report.partitions().values().stream().mapToLong(p -> p.records() / 100 * 100).sum();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(committedSum("archive-faults")).isEqualTo(complete));
    }

    /** Injects the fault until the proxy has answered this many requests with it. */
    private static void holdFault(S3Faults.Mode mode, int answers) {
        int before = platform.proxy().faults();
        platform.proxy().mode(mode);
        await().atMost(TIMEOUT).until(() -> platform.proxy().faults() >= before + answers);
    }

    private static long committedSum(String connector) {
        return ArchiveChecks.committedOffsets(platform, connector).values().stream().mapToLong(Long::longValue).sum();
    }

    private void deploy(ConnectorDefinition connector) {
        connectors.add(connector.name());
        platform.client().putConfig(connector);
        platform.client().awaitRunning(connector.name(), TIMEOUT);
    }
}
