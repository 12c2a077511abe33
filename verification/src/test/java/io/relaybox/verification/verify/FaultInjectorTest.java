package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorOffsets;

class FaultInjectorTest {

    @Test
    void rewindsHalfWayBackAtMostTheLimit() {
        assertThat(FaultInjector.rewoundOffset(0)).isZero();
        assertThat(FaultInjector.rewoundOffset(1001)).isEqualTo(501);
        assertThat(FaultInjector.rewoundOffset(1_000_000)).isEqualTo(1_000_000 - FaultInjector.MAX_REWIND);
    }

    @Test
    void aRewoundSinkHasCaughtUpOnlyWhenEveryPartitionIsBackWhereItWas() {
        ConnectorOffsets before = offsets(100, 50);

        assertThat(FaultInjector.caughtUp(before, offsets(100, 49))).isFalse();
        assertThat(FaultInjector.caughtUp(before, offsets(100, 50))).isTrue();
        assertThat(FaultInjector.caughtUp(before, offsets(120, 60))).isTrue();
        assertThat(FaultInjector.caughtUp(before, new ConnectorOffsets(List.of(entry(0, 100))))).isFalse();
    }

    @Test
    void aSourcePositionIsTheHighestWalPositionDebeziumCommitted() {
        ConnectorOffsets committed = new ConnectorOffsets(List.of(
                new ConnectorOffsets.Entry(Map.of("server", "inventory"), Map.of("lsn", 40_000_000L, "lsn_commit", 39_999_000L, "txId", 812)),
                new ConnectorOffsets.Entry(Map.of("server", "inventory"), Map.of("lsn", 41_000_000, "ts_usec", 1L))));

        assertThat(FaultInjector.walPosition(committed)).isEqualTo(41_000_000L);
        assertThat(FaultInjector.walPosition(new ConnectorOffsets(List.of()))).as("nothing committed yet").isEqualTo(-1);
        assertThat(FaultInjector.walPosition(offsets(100, 50))).as("a sink's offsets have no WAL position").isEqualTo(-1);
    }

    private static ConnectorOffsets offsets(long partition0, long partition1) {
        return new ConnectorOffsets(List.of(entry(0, partition0), entry(1, partition1)));
    }

    private static ConnectorOffsets.Entry entry(int partition, long offset) {
        return new ConnectorOffsets.Entry(Map.of("kafka_topic", "orders.events", "kafka_partition", partition), Map.of("kafka_offset", offset));
    }
}
