package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
