package io.relaybox.verification.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.RelayRuntime;
import io.relaybox.platform.RunFolder;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.verify.VerificationRun;

/**
 * Runs the platform's benchmarks on a fresh local platform and prints their figures. Nothing here is a test: the
 * figures depend on the machine and are reported, not asserted.
 *
 * <p>{@code mvn -Pbench -DskipTests verify -pl verification -am} (see README). {@code -Dbench.suite=cdc,saga,eos}
 * chooses the suites ({@code eos}: the CDC figures with exactly-once source on, then off, compared);
 * {@code -Dbench.exactly-once=true|false} runs the {@code cdc} and {@code saga} suites with it on (the default) or off;
 * {@code relay}: the embedded relay against the Connect worker ({@link RelayComparison}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String suite = System.getProperty("bench.suite", "cdc,saga");
        Path runFolder = Path.of(System.getProperty("bench.run-folder", "target/bench-platform"));
        boolean exactlyOnce;
        try {
            exactlyOnce = exactlyOnceSource(System.getProperty("bench.exactly-once", "true"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (suite.contains("cdc")) {
            cdc(runFolder, exactlyOnce);
        }
        if (suite.contains("saga")) {
            saga(runFolder, exactlyOnce);
        }
        if (suite.contains("eos")) {
            eos(runFolder);
        }
        if (suite.contains("platform")) {
            platform(runFolder, exactlyOnce);
        }
        if (suite.contains("relay")) {
            relay(runFolder);
        }
        if (suite.contains("modes")) {
            modes(runFolder);
        }
        System.exit(0);
    }

    /** The value of {@code -Dbench.exactly-once}: {@code true} or {@code false}, nothing else. */
    static boolean exactlyOnceSource(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-Dbench.exactly-once must be true or false, was '" + value + "'");
        };
    }

    /** The foundation's figures: CDC alone, with the monolith and its connector only. */
    private static void cdc(Path runFolder, boolean exactlyOnce) throws Exception {
        System.out.printf("cdc: exactly-once source %s%n", exactlyOnce ? "on" : "off");
        try (LocalPlatform platform = startCdcPlatform(runFolder, exactlyOnce)) {
            drainAndLatency(platform);
            ThroughputBenchmark throughput = new ThroughputBenchmark(platform);
            throughput.runHttp(new int[] {8, 16, 32}, Duration.ofSeconds(20));
            throughput.runRawPostgres(8, Duration.ofSeconds(15));
        } finally {
            RunFolder.deleteStandIns(runFolder, Optional.empty());
        }
    }

    /** What exactly-once source costs: the CDC drain and latency on a fresh platform with it on, then off, compared. */
    private static void eos(Path runFolder) throws Exception {
        ExactlyOnceComparison comparison = new ExactlyOnceComparison();
        for (boolean exactlyOnce : new boolean[] {true, false}) {
            System.out.printf("eos: exactly-once source %s%n", exactlyOnce ? "on" : "off");
            try (LocalPlatform platform = startCdcPlatform(runFolder, exactlyOnce)) {
                PlatformVersions versions = PlatformVersions.of(platform);
                DrainAndLatency figures = drainAndLatency(platform);
                comparison.add(new ExactlyOnceComparison.Run(exactlyOnce, versions, figures.drain(), figures.latency()));
            } finally {
                RunFolder.deleteStandIns(runFolder, Optional.empty());
            }
        }
        System.out.print(comparison.table());
    }

    /** One runtime of the outbox in the relay comparison. */
    private record RelayVariant(String name, RelayRuntime runtime, boolean exactlyOnce) {
    }

    /**
     * The embedded relay against the Connect worker (exactly once, and at least once as the relay delivers), each on a
     * fresh platform of the monolith and its outbox source only: {@link RelayComparison}.
     */
    private static void relay(Path runFolder) throws Exception {
        int events = Integer.getInteger("bench.drain.events", 50_000);
        List<Integer> rates = Arrays.stream(System.getProperty("bench.latency.rates", "250").split(",")).map(rate -> Integer.valueOf(rate.trim()))
                .toList();
        Duration latencyDuration = Duration.ofSeconds(Integer.getInteger("bench.latency.seconds", 60));
        RelayComparison comparison = new RelayComparison();
        for (RelayVariant variant : List.of(new RelayVariant("Connect, exactly once", RelayRuntime.CONNECT, true),
                new RelayVariant("Connect, at least once", RelayRuntime.CONNECT, false),
                new RelayVariant("embedded relay (at least once)", RelayRuntime.EMBEDDED, false))) {
            System.out.printf("relay: %s%n", variant.name());
            RunFolder.purge(runFolder, Optional.empty());
            PlatformSettings settings = PlatformSettings.forTests(runFolder).withServices(List.of(ServiceKind.named("order-monolith")))
                    .withSinks(false).withExactlyOnceSource(variant.exactlyOnce()).withRelay(variant.runtime());
            try (LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line))) {
                comparison.measure(variant.name(), platform, events, rates, latencyDuration);
            } finally {
                RunFolder.deleteStandIns(runFolder, Optional.empty());
            }
        }
        System.out.print(comparison.table());
    }

    /** A fresh platform of the monolith and its connector only: the consuming services and the sinks would compete for the same cores. */
    private static LocalPlatform startCdcPlatform(Path runFolder, boolean exactlyOnce) {
        RunFolder.purge(runFolder, Optional.empty());
        PlatformSettings settings = PlatformSettings.forTests(runFolder).withServices(List.of(ServiceKind.named("order-monolith")))
                .withSinks(false).withExactlyOnceSource(exactlyOnce);
        return LocalPlatform.start(settings, line -> System.out.println("  " + line));
    }

    private record DrainAndLatency(CdcDrainBenchmark.Figures drain, List<LatencyBenchmark.Figures> latency) {
    }

    /** The CDC drain, then the commit-to-Kafka latency at each rate of {@code -Dbench.latency.rates}. */
    private static DrainAndLatency drainAndLatency(LocalPlatform platform) throws Exception {
        int drainEvents = Integer.getInteger("bench.drain.events", 50_000);
        String latencyRates = System.getProperty("bench.latency.rates", "500,250");
        Duration latencyDuration = Duration.ofSeconds(Integer.getInteger("bench.latency.seconds", 60));
        CdcDrainBenchmark.Figures drain = new CdcDrainBenchmark(platform).run(drainEvents);
        List<LatencyBenchmark.Figures> latency = new ArrayList<>();
        for (String rate : latencyRates.split(",")) {
            latency.add(new LatencyBenchmark(platform).run(Integer.parseInt(rate.trim()), latencyDuration));
        }
        return new DrainAndLatency(drain, latency);
    }

    /** The saga's figures: the whole platform, two instances of each consuming service. */
    private static void saga(Path runFolder, boolean exactlyOnce) throws Exception {
        int rate = Integer.getInteger("bench.saga.rate", 200);
        Duration duration = Duration.ofSeconds(Integer.getInteger("bench.saga.seconds", 60));
        RunFolder.purge(runFolder, Optional.empty());
        // the saga's services, without the sinks' load (their throughput is measured in their own modules)
        PlatformSettings settings = PlatformSettings.forTests(runFolder).withSinks(false).withExactlyOnceSource(exactlyOnce);
        System.out.printf("saga: exactly-once source %s%n", exactlyOnce ? "on" : "off");
        try (LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line))) {
            SagaBenchmark saga = new SagaBenchmark(platform);
            saga.latency(rate, duration);
            saga.keepUp(new int[] {100, 200, 300, 400}, Duration.ofSeconds(30));
        } finally {
            RunFolder.deleteStandIns(runFolder, Optional.empty());
        }
    }

    /** The whole platform as {@code ./platform up} runs it, sinks included, under rising steady order rates. */
    private static void platform(Path runFolder, boolean exactlyOnce) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("bench.platform.rates", "50,100,150,200,300,400,600,800").split(","))
                .mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
        Duration step = Duration.ofSeconds(Integer.getInteger("bench.platform.seconds", 60));
        Duration grace = Duration.ofSeconds(Integer.getInteger("bench.platform.grace-seconds", 60));
        long p99Limit = Long.getLong("bench.platform.p99-limit-ms", 5000);
        RunFolder.purge(runFolder, Optional.empty());
        PlatformSettings settings = PlatformSettings.forTests(runFolder).withExactlyOnceSource(exactlyOnce);
        System.out.printf("platform: every service and both sinks, exactly-once source %s, steps of %d s, grace %d s, p99 limit %d ms%n",
                exactlyOnce ? "on" : "off", step.toSeconds(), grace.toSeconds(), p99Limit);
        try (LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line))) {
            System.out.println("platform: " + PlatformVersions.of(platform));
            String profile = System.getProperty("bench.platform.profile", "");
            FlightRecordings recordings = profile.isBlank() ? null : new FlightRecordings(Files.createDirectories(Path.of(profile)));
            new PlatformBenchmark(platform, VerificationRun.sinkEndpoints(platform), step, grace, p99Limit, recordings)
                    .run(rates, Duration.ofSeconds(Integer.getInteger("bench.platform.warmup-seconds", 60)));
        } finally {
            RunFolder.deleteStandIns(runFolder, Optional.empty());
        }
    }

    /**
     * The order API in migration mode sync against mode events (REST-coupled against event-driven), healthy, with
     * payment-service slow, and flaky ({@link ModeComparison}).
     */
    private static void modes(Path runFolder) throws Exception {
        int[] levels = Arrays.stream(System.getProperty("bench.modes.levels", "100,200,300,400,500").split(","))
                .mapToInt(level -> Integer.parseInt(level.trim())).toArray();
        Duration rampUp = Duration.ofSeconds(Integer.getInteger("bench.modes.ramp-seconds", 10));
        int runs = Integer.getInteger("bench.modes.runs", 3);
        int steadyRate = Integer.getInteger("bench.modes.steady-rate", 20);
        Duration steadyFor = Duration.ofSeconds(Integer.getInteger("bench.modes.steady-seconds", 30));
        long budget = Long.getLong("bench.modes.budget-ms", 1000);
        Duration settle = Duration.ofSeconds(Integer.getInteger("bench.modes.settle-seconds", 60));
        List<ModeComparison.Condition> all = List.of(
                new ModeComparison.Condition("healthy", 0, 0, Duration.ZERO),
                new ModeComparison.Condition("slow", Integer.getInteger("bench.modes.slow-ms", 200), 0, Duration.ZERO),
                new ModeComparison.Condition("flaky", 0, Double.parseDouble(System.getProperty("bench.modes.flaky-share", "0.2")),
                        Duration.ofSeconds(Integer.getInteger("bench.modes.outage-seconds", 10))));
        List<String> wanted = Arrays.asList(System.getProperty("bench.modes.conditions", "healthy,slow,flaky").split(","));
        RunFolder.purge(runFolder, Optional.empty());
        // the saga's services without the sinks' load; payment-service takes faults at run time (PUT /faults)
        PlatformSettings settings = PlatformSettings.forTests(runFolder).withSinks(false)
                .withServiceArguments("payment-service", List.of("--relaybox.faults.enabled=true"));
        System.out.printf("modes: levels %s (ramp-up %d s), steady %d/s for %d s, %d runs, time budget %d ms, settle %d s%n",
                Arrays.toString(levels), rampUp.toSeconds(), steadyRate, steadyFor.toSeconds(), runs, budget, settle.toSeconds());
        try (LocalPlatform platform = LocalPlatform.start(settings, line -> System.out.println("  " + line))) {
            System.out.println("modes: " + PlatformVersions.of(platform));
            try (ModeComparison comparison = new ModeComparison(platform, budget, settle)) {
                for (ModeComparison.Condition condition : all) {
                    if (wanted.contains(condition.name())) {
                        comparison.run(condition, levels, rampUp, runs, steadyRate, steadyFor);
                    }
                }
            }
        } finally {
            RunFolder.deleteStandIns(runFolder, Optional.empty());
        }
    }
}
