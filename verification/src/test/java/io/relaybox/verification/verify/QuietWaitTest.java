package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class QuietWaitTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void endsAsSoonAsThePartHoldsTheTarget() {
        AtomicLong held = new AtomicLong();
        QuietWait wait = new QuietWait(Duration.ofMinutes(1), Duration.ofMinutes(1), out);

        QuietWait.Outcome outcome = wait.until("the archive", 3, held::incrementAndGet);

        assertThat(outcome).isEqualTo(QuietWait.Outcome.COMPLETE);
        assertThat(held).hasValue(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("waiting for the archive (3 expected)").contains("the archive: 3 of 3");
    }

    @Test
    void stopsWaitingForAPartThatStoppedChanging() {
        QuietWait wait = new QuietWait(Duration.ofMinutes(1), Duration.ofMillis(1500), out);

        assertThat(wait.until("Elasticsearch", 10, () -> 7)).isEqualTo(QuietWait.Outcome.STOPPED_CHANGING);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Elasticsearch: 7 of 10").contains("stopped changing");
    }

    @Test
    void givesUpWhenTheTimeoutPassesWhileThePartStillChanges() {
        AtomicLong held = new AtomicLong();
        QuietWait wait = new QuietWait(Duration.ofMillis(1500), Duration.ofMinutes(1), out);

        assertThat(wait.until("inventory-service", 1_000, held::incrementAndGet)).isEqualTo(QuietWait.Outcome.TIMED_OUT);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("gave up");
    }

    @Test
    void asksAgainWhenThePartCannotTellForAMoment() {
        AtomicLong calls = new AtomicLong();
        QuietWait wait = new QuietWait(Duration.ofMinutes(1), Duration.ofMinutes(1), out);

        QuietWait.Outcome outcome = wait.until("the orders", 1, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new java.io.IOException("connection refused");
            }
            return 1;
        });

        assertThat(outcome).isEqualTo(QuietWait.Outcome.COMPLETE);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cannot tell now").contains("connection refused");
    }
}
