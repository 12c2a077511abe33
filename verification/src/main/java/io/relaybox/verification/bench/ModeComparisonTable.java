package io.relaybox.verification.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The comparison's table for one condition: per level and mode the median over the runs with its spread
 * ({@code median [min–max]}), then both modes over all levels, and the events-vs-sync differences computed both ways
 * (divided by the events value, as the study did, and by the sync value), next to the study's.
 */
final class ModeComparisonTable {

    private ModeComparisonTable() {
    }

    /** One run's figures. */
    record Figures(double p50, double p95, double p99, double errorPercent, double undecided, double cpuPerOrder) {

        static Figures of(List<ModeComparison.LevelRun> runs) {
            long[] millis = runs.stream().flatMap(r -> r.millis().stream()).mapToLong(Long::longValue).toArray();
            Percentiles percentiles = new Percentiles(millis);
            long requests = runs.stream().mapToLong(ModeComparison.LevelRun::requests).sum();
            long errors = runs.stream().mapToLong(ModeComparison.LevelRun::errors).sum();
            long undecided = runs.stream().mapToLong(ModeComparison.LevelRun::undecided).sum();
            double cpu = runs.stream().mapToDouble(ModeComparison.LevelRun::cpuSeconds).sum();
            return new Figures(percentiles.at(50), percentiles.at(95), percentiles.at(99), 100.0 * errors / Math.max(1, requests), undecided,
                    cpu / Math.max(1, requests));
        }
    }

    static String render(ModeComparison.Condition condition, long budgetMillis, List<ModeComparison.LevelRun> results) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nmodes: condition %s (payment-service: +%d ms per capture, %.0f %% failing, outage %d s);"
                + " error = not 201 or over %d ms; median [min-max] over the runs%n", condition.name(), condition.latencyMillis(),
                condition.errorShare() * 100, condition.outage().toSeconds(), budgetMillis));
        table.append(String.format(Locale.ROOT, "| level | mode | p50 ms | p95 ms | p99 ms | errors %% | without a decision | CPU s/order |%n"));
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Map<String, Map<String, List<ModeComparison.LevelRun>>> byLevel = new LinkedHashMap<>();
        results.forEach(r -> byLevel.computeIfAbsent(r.level(), l -> new LinkedHashMap<>()).computeIfAbsent(r.mode(), m -> new ArrayList<>()).add(r));
        byLevel.forEach((level, modes) -> modes.forEach((mode, runs) -> table.append(row(level, mode,
                runs.stream().map(run -> Figures.of(List.of(run))).toList()))));
        Map<String, List<Figures>> overall = new LinkedHashMap<>();
        for (String mode : List.of("sync", "events")) {
            overall.put(mode, perRun(results, mode));
            table.append(row("all", mode, overall.get(mode)));
        }
        Figures sync = median(overall.get("sync"));
        Figures events = median(overall.get("events"));
        table.append(String.format(Locale.ROOT, "events vs sync (all levels, medians): response time p50 %s, p99 %s; errors %s; CPU %s%n",
                faster(sync.p50(), events.p50()), faster(sync.p99(), events.p99()), fewer(sync.errorPercent(), events.errorPercent()),
                more(sync.cpuPerOrder(), events.cpuPerOrder())));
        table.append(ModeComparison.STUDY).append('\n');
        return table.toString();
    }

    /** The figures of each run number over all levels of the mode (run k of every level together). */
    private static List<Figures> perRun(List<ModeComparison.LevelRun> results, String mode) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<Integer, List<ModeComparison.LevelRun>> byRun = new LinkedHashMap<>();
        for (ModeComparison.LevelRun run : results) {
            if (run.mode().equals(mode)) {
                int number = seen.merge(run.level(), 1, Integer::sum);
                byRun.computeIfAbsent(number, n -> new ArrayList<>()).add(run);
            }
        }
        return byRun.values().stream().map(Figures::of).toList();
    }

    private static String row(String level, String mode, List<Figures> runs) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", level, mode, spread(runs, Figures::p50, "%.0f"),
                spread(runs, Figures::p95, "%.0f"), spread(runs, Figures::p99, "%.0f"), spread(runs, Figures::errorPercent, "%.1f"),
                spread(runs, Figures::undecided, "%.0f"), spread(runs, Figures::cpuPerOrder, "%.3f"));
    }

    private static String spread(List<Figures> runs, ToDoubleFunction<Figures> figure, String format) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        String median = String.format(Locale.ROOT, format, median(values));
        if (values.length < 2) {
            return median;
        }
        return median + " [" + String.format(Locale.ROOT, format, values[0]) + "-" + String.format(Locale.ROOT, format, values[values.length - 1])
                + "]";
    }

    private static Figures median(List<Figures> runs) {
        return new Figures(median(values(runs, Figures::p50)), median(values(runs, Figures::p95)), median(values(runs, Figures::p99)),
                median(values(runs, Figures::errorPercent)), median(values(runs, Figures::undecided)), median(values(runs, Figures::cpuPerOrder)));
    }

    private static double[] values(List<Figures> runs, ToDoubleFunction<Figures> figure) {
        return runs.stream().mapToDouble(figure).sorted().toArray();
    }

    private static double median(double[] sorted) {
        double[] values = sorted.clone();
        Arrays.sort(values);
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** "x % faster (of events; y % of sync)": how much less time events takes, as the study computed it and the other way. */
    static String faster(double sync, double events) {
        return both(sync - events, events, sync, "faster", "slower");
    }

    static String fewer(double sync, double events) {
        return both(sync - events, events, sync, "fewer", "more");
    }

    static String more(double sync, double events) {
        return both(events - sync, events, sync, "more", "less");
    }

    private static String both(double difference, double events, double sync, String positive, String negative) {
        String word = difference >= 0 ? positive : negative;
        return String.format(Locale.ROOT, "%s %s (of events; %s of sync)", percent(Math.abs(difference), events), word,
                percent(Math.abs(difference), sync));
    }

    private static String percent(double difference, double base) {
        if (base == 0) {
            return difference == 0 ? "0 %" : "n/a (base 0)";
        }
        return String.format(Locale.ROOT, "%.1f %%", 100 * difference / base);
    }
}
