package io.relaybox.payment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The injector's decisions with a recording sleeper and chosen draws: nothing here waits. */
class FaultInjectorTest {

    /** The largest draw {@link java.util.concurrent.ThreadLocalRandom#nextDouble()} can give. */
    private static final double HIGHEST_DRAW = Math.nextDown(1.0);

    private final List<Long> sleeps = new ArrayList<>();

    @Test
    void startsWithoutFaults() {
        FaultInjector injector = new FaultInjector(sleeps::add, () -> 0.0);

        assertThat(injector.settings()).isEqualTo(FaultSettings.NONE);
        assertThatCode(injector::beforeCapture).doesNotThrowAnyException();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aShareOfZeroNeverFailsEvenOnTheLowestDraw() {
        FaultInjector injector = new FaultInjector(sleeps::add, () -> 0.0);
        injector.set(new FaultSettings(0, 0.0));

        assertThatCode(injector::beforeCapture).doesNotThrowAnyException();
    }

    @Test
    void aShareOfOneAlwaysFailsEvenOnTheHighestDraw() {
        FaultInjector injector = new FaultInjector(sleeps::add, () -> HIGHEST_DRAW);
        injector.set(new FaultSettings(0, 1.0));

        assertThatThrownBy(injector::beforeCapture).isInstanceOfSatisfying(InjectedFault.class, fault -> {
            assertThat(fault.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(fault.getBody().getTitle()).isEqualTo("Injected fault");
        });
    }

    @Test
    void failsTheCapturesWhoseDrawIsBelowTheShare() {
        FaultInjector below = new FaultInjector(sleeps::add, () -> 0.24);
        FaultInjector at = new FaultInjector(sleeps::add, () -> 0.25);
        below.set(new FaultSettings(0, 0.25));
        at.set(new FaultSettings(0, 0.25));

        assertThatThrownBy(below::beforeCapture).isInstanceOf(InjectedFault.class);
        assertThatCode(at::beforeCapture).doesNotThrowAnyException();
    }

    @Test
    void theRealRandomNeverFailsAtShareZeroAndAlwaysAtShareOne() {
        FaultInjector injector = new FaultInjector();

        injector.set(new FaultSettings(0, 0.0));
        for (int i = 0; i < 1_000; i++) {
            injector.beforeCapture();
        }
        injector.set(new FaultSettings(0, 1.0));
        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(injector::beforeCapture).isInstanceOf(InjectedFault.class);
        }
    }

    @Test
    void waitsTheLatencyBeforeEachCapture() {
        FaultInjector injector = new FaultInjector(sleeps::add, () -> HIGHEST_DRAW);
        injector.set(new FaultSettings(250, 0.5));

        injector.beforeCapture();
        injector.beforeCapture();

        assertThat(sleeps).containsExactly(250L, 250L);
    }

    @Test
    void waitsTheLatencyBeforeFailingAsASlowFailureWould() {
        FaultInjector injector = new FaultInjector(sleeps::add, () -> 0.0);
        injector.set(new FaultSettings(40, 1.0));

        assertThatThrownBy(injector::beforeCapture).isInstanceOf(InjectedFault.class);
        assertThat(sleeps).containsExactly(40L);
    }

    @Test
    void waitsNothingWithoutLatency() {
        FaultInjector injector = new FaultInjector(sleeps::add, () -> HIGHEST_DRAW);
        injector.set(new FaultSettings(0, 0.5));

        injector.beforeCapture();

        assertThat(sleeps).isEmpty();
    }

    @Test
    void failsTheCaptureAndKeepsTheInterruptWhenInterruptedWhileWaiting() {
        FaultInjector injector = new FaultInjector(millis -> {
            throw new InterruptedException();
        }, () -> HIGHEST_DRAW);
        injector.set(new FaultSettings(10, 0.0));

        try {
            assertThatThrownBy(injector::beforeCapture).isInstanceOf(InjectedFault.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void resetsToNoFaults() {
        FaultInjector injector = new FaultInjector(sleeps::add, () -> 0.0);
        injector.set(new FaultSettings(100, 1.0));

        injector.set(FaultSettings.NONE);

        assertThatCode(injector::beforeCapture).doesNotThrowAnyException();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void refusesANegativeLatencyAndAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new FaultSettings(-1, 0.0)).hasMessageContaining("latencyMillis");
        assertThatThrownBy(() -> new FaultSettings(0, -0.01)).hasMessageContaining("errorShare");
        assertThatThrownBy(() -> new FaultSettings(0, 1.01)).hasMessageContaining("errorShare");
        assertThatThrownBy(() -> new FaultSettings(0, Double.NaN)).hasMessageContaining("errorShare");
    }
}
