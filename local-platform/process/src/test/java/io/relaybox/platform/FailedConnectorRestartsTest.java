package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A failed connector is restarted at once, then ever less often while it keeps failing, and afresh once it ran a while. */
class FailedConnectorRestartsTest {

    private static final Instant T0 = Instant.now();
    private final FailedConnectorRestarts restarts = new FailedConnectorRestarts();

    @Test
    void restartsAFailedConnectorAtOnceTheFirstTime() {
        assertThat(restarts.dueNow("orders-outbox-source", T0)).isTrue();
        assertThat(restarts.restarts("orders-outbox-source")).isEqualTo(1);
    }

    @Test
    void waitsADoublingDelayWhileTheConnectorKeepsFailing() {
        restarts.dueNow("sink", T0);

        assertThat(restarts.dueNow("sink", T0.plusSeconds(30))).isFalse();
        assertThat(restarts.dueNow("sink", T0.plus(Duration.ofMinutes(1)))).isTrue();
        assertThat(restarts.dueNow("sink", T0.plus(Duration.ofMinutes(2)))).isFalse();
        assertThat(restarts.dueNow("sink", T0.plus(Duration.ofMinutes(3)))).isTrue();
        assertThat(FailedConnectorRestarts.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(FailedConnectorRestarts.delayAfter(40)).isEqualTo(FailedConnectorRestarts.MAX_DELAY);
    }

    @Test
    void startsOverOnceTheConnectorRanForTheResetTime() {
        restarts.dueNow("sink", T0);
        restarts.dueNow("sink", T0.plus(Duration.ofMinutes(1)));
        restarts.running("sink", T0.plus(Duration.ofMinutes(2)));
        restarts.running("sink", T0.plus(Duration.ofMinutes(2)).plus(FailedConnectorRestarts.RESET_AFTER));

        assertThat(restarts.restarts("sink")).isZero();
        assertThat(restarts.dueNow("sink", T0.plus(Duration.ofMinutes(13)))).isTrue();
    }

    @Test
    void aFailureBeforeTheResetTimeKeepsTheBackoff() {
        restarts.dueNow("sink", T0);
        restarts.running("sink", T0.plusSeconds(20));

        assertThat(restarts.dueNow("sink", T0.plusSeconds(40))).isFalse();
        assertThat(restarts.restarts("sink")).isEqualTo(1);
    }

    @Test
    void keepsEachConnectorsRestartsApart() {
        restarts.dueNow("a", T0);

        assertThat(restarts.dueNow("b", T0.plusSeconds(1))).isTrue();
    }
}
