package io.relaybox.verification.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What exactly-once source costs: the CDC drain and the commit-to-Kafka latency measured once with it on and once off,
 * each on a fresh platform that is the same otherwise, printed side by side. Figures, not assertions.
 */
final class ExactlyOnceComparison {

    /** One platform's figures. */
    record Run(boolean exactlyOnce, PlatformVersions versions, CdcDrainBenchmark.Figures drain, List<LatencyBenchmark.Figures> latency) {
    }

    private final List<Run> runs = new ArrayList<>();

    void add(Run run) {
        runs.add(run);
    }

    /** The comparison table, one row per figure, one column per run. */
    String table() {
        StringBuilder table = new StringBuilder();
        table.append("exactly-once source on against off (").append(versions()).append("; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores)\n");
        row(table, "figure", runs.stream().map(run -> run.exactlyOnce() ? "exactly-once on" : "exactly-once off").toList());
        row(table, "---", runs.stream().map(run -> "---").toList());
        row(table, "CDC drain: events", runs.stream().map(run -> String.format("%,d of %,d", run.drain().arrived(), run.drain().events())).toList());
        row(table, "CDC drain: Kafka records", runs.stream().map(run -> String.format("%,d", run.drain().records())).toList());
        row(table, "CDC drain: events/s (resume to last)", runs.stream().map(run -> String.format("%,.0f", run.drain().eventsPerSecond())).toList());
        row(table, "CDC drain: events/s (first to last)",
                runs.stream().map(run -> String.format("%,.0f", run.drain().streamingEventsPerSecond())).toList());
        for (Map.Entry<Integer, List<LatencyBenchmark.Figures>> rate : latencyByRate().entrySet()) {
            String at = " at " + rate.getKey() + " orders/s";
            List<LatencyBenchmark.Figures> figures = rate.getValue();
            row(table, "served/s" + at, figures.stream().map(f -> String.format("%.0f", f.servedPerSecond())).toList());
            row(table, "commit→Kafka p50 ms" + at, figures.stream().map(f -> Long.toString(f.commitToKafkaMillis().at(50))).toList());
            row(table, "commit→Kafka p99 ms" + at, figures.stream().map(f -> Long.toString(f.commitToKafkaMillis().at(99))).toList());
            row(table, "events not seen" + at, figures.stream().map(f -> Long.toString(f.notSeen())).toList());
        }
        return table.toString();
    }

    private String versions() {
        return runs.stream().map(run -> run.versions().toString()).distinct().reduce((a, b) -> a + " / " + b).orElse("no run");
    }

    /** Per offered rate, each run's figures in run order. */
    private Map<Integer, List<LatencyBenchmark.Figures>> latencyByRate() {
        Map<Integer, List<LatencyBenchmark.Figures>> byRate = new TreeMap<>();
        for (Run run : runs) {
            run.latency().forEach(f -> byRate.computeIfAbsent(f.offeredPerSecond(), rate -> new ArrayList<>()).add(f));
        }
        return byRate;
    }

    private static void row(StringBuilder table, String figure, List<String> cells) {
        table.append("| ").append(figure).append(" | ").append(String.join(" | ", cells)).append(" |\n");
    }
}
