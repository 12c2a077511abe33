package io.relaybox.verification.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.RunFolder;
import io.relaybox.platform.ServiceKind;

/**
 * Runs the platform's benchmarks on a fresh local platform and prints their figures. Nothing here is a test: the
 * figures depend on the machine and are reported, not asserted.
 *
 * <p>{@code mvn -Pbench -DskipTests verify -pl verification -am} (see README).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String suite = System.getProperty("bench.suite", "cdc,saga");
        Path runFolder = Path.of(System.getProperty("bench.run-folder", "target/bench-platform"));
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (suite.contains("cdc")) {
            cdc(runFolder);
        }
        if (suite.contains("saga")) {
            saga(runFolder);
        }
        System.exit(0);
    }

    /** The foundation's figures: CDC alone, with the monolith and its connector only. */
    private static void cdc(Path runFolder) throws Exception {
        int drainEvents = Integer.getInteger("bench.drain.events", 50_000);
        String latencyRates = System.getProperty("bench.latency.rates", "500,250");
        Duration latencyDuration = Duration.ofSeconds(Integer.getInteger("bench.latency.seconds", 60));
        RunFolder.purge(runFolder, Optional.empty());
        // the consuming services and the sinks would compete for the same two cores
        PlatformSettings settings = PlatformSettings.forTests(runFolder).withServices(List.of(ServiceKind.named("order-monolith")))
                .withSinks(false);
        try (LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line))) {
            new CdcDrainBenchmark(platform).run(drainEvents);
            for (String rate : latencyRates.split(",")) {
                new LatencyBenchmark(platform).run(Integer.parseInt(rate.trim()), latencyDuration);
            }
            ThroughputBenchmark throughput = new ThroughputBenchmark(platform);
            throughput.runHttp(new int[] {8, 16, 32}, Duration.ofSeconds(20));
            throughput.runRawPostgres(8, Duration.ofSeconds(15));
        } finally {
            RunFolder.deleteStandIns(runFolder, Optional.empty());
        }
    }

    /** The saga's figures: the whole platform, two instances of each consuming service. */
    private static void saga(Path runFolder) throws Exception {
        int rate = Integer.getInteger("bench.saga.rate", 200);
        Duration duration = Duration.ofSeconds(Integer.getInteger("bench.saga.seconds", 60));
        RunFolder.purge(runFolder, Optional.empty());
        // the saga's services, without the sinks' load (their throughput is measured in their own modules)
        PlatformSettings settings = PlatformSettings.forTests(runFolder).withSinks(false);
        try (LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line))) {
            SagaBenchmark saga = new SagaBenchmark(platform);
            saga.latency(rate, duration);
            saga.keepUp(new int[] {100, 200, 300, 400}, Duration.ofSeconds(30));
        } finally {
            RunFolder.deleteStandIns(runFolder, Optional.empty());
        }
    }
}
