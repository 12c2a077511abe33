package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortTest {

    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(FreePort.any());
        }

        assertThat(ports).hasSize(2_000);
    }

    @Test
    void handsOutAPortNothingListensOn() {
        assertThat(FreePort.isFree(FreePort.any())).isTrue();
    }

    @Test
    void handsOutPortsBelowTheRangeOutgoingConnectionsTakeTheirsFrom() {
        int rangeStart = FreePort.ephemeralRangeStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        for (int i = 0; i < 200; i++) {
            assertThat(FreePort.any()).isBetween(FreePort.LOWEST, rangeStart - 1);
        }
    }

    @Test
    void readsTheStartOfTheKernelsRangeAndFallsBackToLinuxsDefault(@TempDir Path folder) throws IOException {
        Path range = Files.writeString(folder.resolve("ip_local_port_range"), "40000\t60999\n");

        assertThat(FreePort.ephemeralRangeStart(range)).isEqualTo(40_000);
        assertThat(FreePort.ephemeralRangeStart(folder.resolve("missing"))).isEqualTo(32_768);
    }
}
