package io.relaybox.verification.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.RunFolder;

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
        int drainEvents = Integer.getInteger("bench.drain.events", 50_000);
        String latencyRates = System.getProperty("bench.latency.rates", "500,250");
        Duration latencyDuration = Duration.ofSeconds(Integer.getInteger("bench.latency.seconds", 60));
        Path runFolder = Path.of(System.getProperty("bench.run-folder", "target/bench-platform"));
        RunFolder.purge(runFolder, Optional.empty());
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (LocalPlatform platform = LocalPlatform.start(PlatformSettings.forTests(runFolder), line -> System.out.println("  " + line))) {
            new CdcDrainBenchmark(platform).run(drainEvents);
            for (String rate : latencyRates.split(",")) {
                new LatencyBenchmark(platform).run(Integer.parseInt(rate.trim()), latencyDuration);
            }
            ThroughputBenchmark throughput = new ThroughputBenchmark(platform);
            throughput.runHttp(new int[] {8, 16, 32}, Duration.ofSeconds(20));
            throughput.runRawPostgres(8, Duration.ofSeconds(15));
        }
        System.exit(0);
    }
}
