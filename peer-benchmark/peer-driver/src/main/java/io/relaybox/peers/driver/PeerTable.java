package io.relaybox.peers.driver;

import java.util.List;
import java.util.Locale;

/** The peer benchmark's one table, in Markdown: a row per peer, its clean run's figures and its kill run's. */
final class PeerTable {

    /**
     * A clean run's figures.
     *
     * @param eventsPerSecond distinct events per second, first commit to last arrival
     * @param p50Millis commit to Kafka, median
     * @param p99Millis commit to Kafka, 99th percentile
     * @param cpuSecondsPer1000 CPU seconds of every process involved per 1,000 events
     * @param load the database load of the outbox tables and the WAL written
     */
    record Clean(double eventsPerSecond, long p50Millis, long p99Millis, double cpuSecondsPer1000, DatabaseLoad load) {
    }

    /**
     * A kill run's figures.
     *
     * @param duplicates records beyond the first of each event
     * @param lost committed events that never arrived
     */
    record Kill(long duplicates, int lost) {
    }

    /** A peer's row; a run that failed has its reason instead of figures. */
    record Row(String peer, Clean clean, String cleanFailure, Kill kill, String killFailure) {
    }

    private PeerTable() {
    }

    static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| peer | events/s | commit→Kafka p50 | p99 | CPU s / 1,000 events | rows read | rows ins / upd / del "
                + "| WAL written | duplicates after kill -9 | lost |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            table.append("| ").append(row.peer()).append(" | ");
            if (row.clean() != null) {
                Clean clean = row.clean();
                DatabaseLoad load = clean.load();
                table.append(String.format(Locale.ROOT, "%,.0f | %,d ms | %,d ms | %.2f | %,d | %,d / %,d / %,d | %,.1f MB | ",
                        clean.eventsPerSecond(), clean.p50Millis(), clean.p99Millis(), clean.cpuSecondsPer1000(), load.rowsRead(),
                        load.inserted(), load.updated(), load.deleted(), load.walBytes() / 1e6));
            } else {
                table.append("failed: ").append(row.cleanFailure()).append(" | | | | | | | ");
            }
            if (row.kill() != null) {
                table.append(String.format(Locale.ROOT, "%,d | %,d |", row.kill().duplicates(), row.kill().lost()));
            } else {
                table.append("failed: ").append(row.killFailure()).append(" | |");
            }
            table.append('\n');
        }
        return table.toString();
    }
}
