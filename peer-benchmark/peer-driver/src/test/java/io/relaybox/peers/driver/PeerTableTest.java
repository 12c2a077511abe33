package io.relaybox.peers.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PeerTableTest {

    @Test
    void oneRowPerPeerWithTheCleanRunsFiguresThenTheKillRuns() {
        DatabaseLoad load = new DatabaseLoad(12_345, 50_000, 50_000, 0, 123_400_000);
        String table = PeerTable.markdown(List.of(
                new PeerTable.Row("relaybox", new PeerTable.Clean(4321.4, 12, 250, 1.234, load), null, new PeerTable.Kill(0, 0), null),
                new PeerTable.Row("other", null, "only 10 of 20 events arrived", null, "did not get ready")));

        assertThat(table.lines().toList()).containsExactly(
                "| peer | events/s | commit→Kafka p50 | p99 | CPU s / 1,000 events | rows read | rows ins / upd / del | WAL written "
                        + "| duplicates after kill -9 | lost |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| relaybox | 4,321 | 12 ms | 250 ms | 1.23 | 12,345 | 50,000 / 50,000 / 0 | 123.4 MB | 0 | 0 |",
                "| other | failed: only 10 of 20 events arrived | | | | | | | failed: did not get ready | |");
    }
}
