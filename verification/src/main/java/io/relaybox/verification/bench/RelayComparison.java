package io.relaybox.verification.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.platform.RelayRuntime;

/**
 * The embedded relay against the Connect worker, as the outbox's runtime: on a fresh platform each (the monolith and
 * its outbox source only), a drain through a cold runtime (the runtime's process stopped, the events committed, the
 * process started: from its start to the last record), the commit-to-Kafka latency at a steady order rate, and what
 * the runtime's process cost: CPU seconds per 1,000 events (start included) and resident memory after the drain.
 * Figures, not assertions.
 */
final class RelayComparison {

    /** One runtime's figures. */
    record Run(String runtime, PlatformVersions versions, int events, int arrived, long records, double startToStreamingSeconds,
            double eventsPerSecond, double streamingEventsPerSecond, double cpuSecondsPer1000Events, long rssBytes,
            List<LatencyBenchmark.Figures> latency) {
    }

    private final List<Run> runs = new ArrayList<>();

    /** Measures the runtime of a started platform and keeps its figures. */
    void measure(String name, LocalPlatform platform, int events, List<Integer> rates, Duration latencyDuration) throws Exception {
        boolean embedded = platform.settings().relay() == RelayRuntime.EMBEDDED;
        ManagedProcess process = embedded ? platform.relay().orElseThrow().process() : platform.connect().process();
        CdcDrainBenchmark drain = new CdcDrainBenchmark(platform);
        drain.createTopic();
        process.stop();
        drain.insert(events);
        Run run;
        try (TopicCounter counter = new TopicCounter(platform.kafka().bootstrapServers(), CdcDrainBenchmark.AGGREGATE + ".events")) {
            long started = System.nanoTime();
            process.start();
            process.awaitReady(Duration.ofMinutes(3));
            if (!embedded) {
                platform.connectClient().awaitRunning(LocalPlatform.ORDERS_CONNECTOR, Duration.ofMinutes(3));
            }
            double startToStreaming = (System.nanoTime() - started) / 1e9;
            boolean complete = counter.awaitDistinct(events, Duration.ofMinutes(5));
            ProcessUsage usage = ProcessUsage.of(process.pid());
            double total = (counter.lastArrivalNanos() - started) / 1e9;
            double streaming = (counter.lastArrivalNanos() - counter.firstArrivalNanos()) / 1e9;
            System.out.printf("%s: %s %,d of %,d events (%,d records) in Kafka %.1f s after the process started (streaming after %.1f s),"
                    + " %.1f CPU s, %,d MB resident%n", name, complete ? "all" : "ONLY", counter.distinct(), events, counter.records(), total,
                    startToStreaming, usage.cpuSeconds(), usage.rssBytes() / (1024 * 1024));
            List<LatencyBenchmark.Figures> latency = new ArrayList<>();
            for (int rate : rates) {
                latency.add(new LatencyBenchmark(platform).run(rate, latencyDuration));
            }
            run = new Run(name, PlatformVersions.of(platform), events, counter.distinct(), counter.records(), startToStreaming,
                    counter.distinct() / total, counter.distinct() / streaming, usage.cpuSeconds() * 1000 / events, usage.rssBytes(), latency);
        }
        runs.add(run);
    }

    /** The comparison table, one row per figure, one column per runtime. */
    String table() {
        StringBuilder table = new StringBuilder();
        table.append("the outbox's runtime side by side (").append(runs.isEmpty() ? "no run" : runs.get(0).versions()).append("; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores)\n");
        row(table, "figure", runs.stream().map(Run::runtime).toList());
        row(table, "---", runs.stream().map(run -> "---").toList());
        row(table, "drain: events in Kafka", runs.stream().map(run -> String.format("%,d of %,d", run.arrived(), run.events())).toList());
        row(table, "drain: Kafka records", runs.stream().map(run -> String.format("%,d", run.records())).toList());
        row(table, "start → streaming s", runs.stream().map(run -> String.format("%.1f", run.startToStreamingSeconds())).toList());
        row(table, "drain events/s (process start to last)", runs.stream().map(run -> String.format("%,.0f", run.eventsPerSecond())).toList());
        row(table, "drain events/s (first to last record)",
                runs.stream().map(run -> String.format("%,.0f", run.streamingEventsPerSecond())).toList());
        row(table, "CPU s per 1,000 events (start included)",
                runs.stream().map(run -> String.format("%.2f", run.cpuSecondsPer1000Events())).toList());
        row(table, "resident MB after the drain", runs.stream().map(run -> Long.toString(run.rssBytes() / (1024 * 1024))).toList());
        for (int i = 0; i < (runs.isEmpty() ? 0 : runs.get(0).latency().size()); i++) {
            int at = i;
            String rate = " at " + runs.get(0).latency().get(i).offeredPerSecond() + " orders/s";
            row(table, "commit→Kafka p50 ms" + rate, runs.stream().map(run -> Long.toString(run.latency().get(at).commitToKafkaMillis().at(50)))
                    .toList());
            row(table, "commit→Kafka p99 ms" + rate, runs.stream().map(run -> Long.toString(run.latency().get(at).commitToKafkaMillis().at(99)))
                    .toList());
            row(table, "events not seen" + rate, runs.stream().map(run -> Long.toString(run.latency().get(at).notSeen())).toList());
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String figure, List<String> cells) {
        table.append("| ").append(figure).append(" | ").append(String.join(" | ", cells)).append(" |\n");
    }
}
