package io.relaybox.verification.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.verification.audit.ArchivedEvents;
import io.relaybox.verification.audit.SearchedEvents;
import io.relaybox.verification.audit.SinkEndpoints;

/**
 * The whole platform as users run it (every service, both sinks, exactly-once source as configured) under a steady
 * order rate stepped up until it stops keeping up. A step keeps up when the API served at least 95% of the offered
 * rate, every order of the step reached its terminal state within the grace after the load, and order→terminal p99
 * stayed within the limit (a backlog that grows over the step shows there). Between steps the platform drains: every
 * consumer group, the sinks' included, back to (almost) no lag, so each step's CPU is the work its orders caused.
 */
final class PlatformBenchmark {

    /** One step's figures. */
    record Step(int offered, double served, int orders, long notTerminal, Percentiles orderToTerminalMillis,
            Percentiles commitToKafkaMillis, long[] commitToIndex, Percentiles commitToArchiveMillis,
            Map<String, ProcessUsage> usage, Map<String, Long> lagAtLoadEnd, boolean keptUp) {

        double cpuMillisPerOrder() {
            return usage.values().stream().mapToDouble(ProcessUsage::cpuSeconds).sum() * 1000 / Math.max(1, orders);
        }
    }

    private final LocalPlatform platform;
    private final SinkEndpoints sinks;
    private final Duration stepLength;
    private final Duration grace;
    private final long p99LimitMillis;
    private final FlightRecordings recordings;

    /** @param recordings where each step's flight recordings go, or null for none */
    PlatformBenchmark(LocalPlatform platform, SinkEndpoints sinks, Duration stepLength, Duration grace, long p99LimitMillis,
            FlightRecordings recordings) {
        this.recordings = recordings;
        this.platform = platform;
        this.sinks = sinks;
        this.stepLength = stepLength;
        this.grace = grace;
        this.p99LimitMillis = p99LimitMillis;
    }

    /**
     * Runs the steps in order, stopping after the first that did not keep up; prints each step and a summary. A
     * warm-up at the first rate comes first and is not reported: the JVMs compile their hot code, the pools fill.
     */
    List<Step> run(int[] rates, Duration warmUp) throws Exception {
        List<Step> steps = new ArrayList<>();
        try (OrderTimeline timeline = new OrderTimeline(platform.kafka().bootstrapServers());
                GroupLag lag = new GroupLag(platform.kafka().bootstrapServers());
                ArchivedEvents archive = new ArchivedEvents(sinks)) {
            if (!warmUp.isZero() && rates.length > 0) {
                new PacedOrders(platform, 0).drive(rates[0], warmUp, new ConcurrentHashMap<>());
                awaitDrained(lag, Instant.now().plus(grace.multipliedBy(2)));
                System.out.printf("platform: warmed up for %d s at %d/s%n", warmUp.toSeconds(), rates[0]);
            }
            idle(Duration.ofSeconds(30));
            for (int rate : rates) {
                Step step = step(rate, timeline, lag, archive);
                steps.add(step);
                System.out.println(describe(step));
                if (!step.keptUp()) {
                    break;
                }
            }
        }
        System.out.print(summary(steps));
        return steps;
    }

    /** What each process uses with no load (after the warm-up): the platform's floor, which every order rate pays too. */
    private void idle(Duration length) throws InterruptedException {
        Map<String, ProcessUsage> before = usage();
        Thread.sleep(length.toMillis());
        StringBuilder text = new StringBuilder(String.format("platform: idle for %d s, CPU %% of one core (RSS MB):", length.toSeconds()));
        double total = 0;
        for (Map.Entry<String, ProcessUsage> process : usedSince(before).entrySet()) {
            double percent = process.getValue().cpuSeconds() * 100 / length.toSeconds();
            total += percent;
            text.append(String.format(" %s %.1f (%d)", process.getKey(), percent, process.getValue().rssBytes() >> 20));
        }
        System.out.println(text.append(String.format(" total %.1f", total)));
    }

    private Step step(int rate, OrderTimeline timeline, GroupLag lag, ArchivedEvents archive) throws Exception {
        Map<String, ProcessUsage> before = usage();
        Map<String, Long> sentMicros = new ConcurrentHashMap<>();
        if (recordings != null) {
            System.out.println("  flight recordings: " + recordings.record(platform.processes(), rate + "-per-s", stepLength.toSeconds()));
        }
        Instant from = Instant.now();
        double served = new PacedOrders(platform, rate).drive(rate, stepLength, sentMicros);
        Instant to = Instant.now();
        Map<String, Long> lagAtLoadEnd = lag.all();
        Instant deadline = to.plus(grace);
        while (Instant.now().isBefore(deadline) && !allTerminal(sentMicros, timeline)) {
            Thread.sleep(200);
        }
        // the sinks and every consumer drain before the CPU is read and the next step starts
        awaitDrained(lag, deadline.plus(grace));
        Map<String, ProcessUsage> used = usedSince(before);
        List<Long> terminal = new ArrayList<>();
        List<Long> toKafka = new ArrayList<>();
        sentMicros.forEach((order, sent) -> {
            Long end = timeline.terminalMicros(order);
            if (end != null) {
                terminal.add((end - sent) / 1000);
            }
            Long placed = timeline.placedToKafkaMicros(order);
            if (placed != null) {
                toKafka.add(placed / 1000);
            }
        });
        Percentiles orderToTerminal = percentiles(terminal);
        long notTerminal = sentMicros.size() - terminal.size();
        boolean keptUp = served >= 0.95 * rate && notTerminal == 0 && orderToTerminal.at(99) <= p99LimitMillis;
        return new Step(rate, served, sentMicros.size(), notTerminal, orderToTerminal, percentiles(toKafka),
                new SearchedEvents(sinks).commitToIndexMillis(from, to), new Percentiles(archive.commitToArchiveMillis(from, to)),
                used, lagAtLoadEnd, keptUp);
    }

    /** Waits until every consumer group, the sinks' included, is within 100 records of the end, or the deadline. */
    private static void awaitDrained(GroupLag lag, Instant deadline) throws Exception {
        while (Instant.now().isBefore(deadline) && lag.all().values().stream().mapToLong(Long::longValue).sum() > 100) {
            Thread.sleep(500);
        }
    }

    /** Each live process's CPU since the earlier reading, and its memory now. */
    private Map<String, ProcessUsage> usedSince(Map<String, ProcessUsage> before) {
        Map<String, ProcessUsage> used = new LinkedHashMap<>();
        usage().forEach((name, now) -> used.put(name, now.since(before.getOrDefault(name, ProcessUsage.NONE))));
        return used;
    }

    private static boolean allTerminal(Map<String, Long> sentMicros, OrderTimeline timeline) {
        return sentMicros.keySet().stream().allMatch(order -> timeline.terminalMicros(order) != null);
    }

    /** Every platform process's usage now (with its children: PostgreSQL's backends). */
    private Map<String, ProcessUsage> usage() {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        for (Map.Entry<String, ManagedProcess> process : platform.processes().entrySet()) {
            if (process.getValue().isAlive()) {
                usage.put(process.getKey(), ProcessUsage.of(process.getValue().pid()));
            }
        }
        return usage;
    }

    private static Percentiles percentiles(List<Long> millis) {
        return new Percentiles(millis.stream().mapToLong(Long::longValue).toArray());
    }

    private String describe(Step step) {
        StringBuilder text = new StringBuilder(String.format("platform: %d/s offered, %.0f/s served, %,d orders, %d not terminal "
                + "within %d s, kept up: %s%n  order→terminal ms %s%n  commit→Kafka ms %s%n  commit→Elasticsearch ms n=%d p50=%d p99=%d%n"
                + "  commit→archive ms %s%n  lag at the end of the load %s%n  CPU ms per order (RSS MB):",
                step.offered(), step.served(), step.orders(), step.notTerminal(), grace.toSeconds(), step.keptUp() ? "yes" : "no",
                step.orderToTerminalMillis(), step.commitToKafkaMillis(), step.commitToIndex()[0], step.commitToIndex()[1],
                step.commitToIndex()[2], step.commitToArchiveMillis(), step.lagAtLoadEnd()));
        step.usage().forEach((name, usage) -> text.append(String.format(" %s %.2f (%d)", name,
                usage.cpuSeconds() * 1000 / Math.max(1, step.orders()), usage.rssBytes() >> 20)));
        return text.append(String.format(" total %.2f", step.cpuMillisPerOrder())).toString();
    }

    /** The steps as Markdown tables: latencies, then CPU and memory per process. */
    static String summary(List<Step> steps) {
        StringBuilder table = new StringBuilder("\n| offered/s | served/s | kept up | order→terminal p50 / p99 ms | commit→Kafka p99 ms"
                + " | commit→Elasticsearch p99 ms | commit→archive p99 ms | CPU ms per order |\n|---|---|---|---|---|---|---|---|\n");
        for (Step step : steps) {
            table.append(String.format("| %d | %.0f | %s | %d / %d | %d | %d | %d | %.1f |%n", step.offered(), step.served(),
                    step.keptUp() ? "yes" : "no", step.orderToTerminalMillis().at(50), step.orderToTerminalMillis().at(99),
                    step.commitToKafkaMillis().at(99), step.commitToIndex()[2], step.commitToArchiveMillis().at(99),
                    step.cpuMillisPerOrder()));
        }
        if (!steps.isEmpty()) {
            List<String> names = new ArrayList<>(steps.get(0).usage().keySet());
            table.append("\nCPU ms per order (RSS MB at the end of the step)\n\n| offered/s | ").append(String.join(" | ", names))
                    .append(" |\n|---|").append("---|".repeat(names.size())).append('\n');
            for (Step step : steps) {
                table.append("| ").append(step.offered());
                for (String name : names) {
                    ProcessUsage usage = step.usage().getOrDefault(name, ProcessUsage.NONE);
                    table.append(String.format(" | %.2f (%d)", usage.cpuSeconds() * 1000 / Math.max(1, step.orders()), usage.rssBytes() >> 20));
                }
                table.append(" |\n");
            }
        }
        steps.stream().filter(Step::keptUp).mapToInt(Step::offered).max().ifPresentOrElse(
                rate -> table.append(String.format("%nhighest sustained rate: %d orders/s%n", rate)),
                () -> table.append(String.format("%nno step kept up%n")));
        return table.toString();
    }
}
