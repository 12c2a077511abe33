package io.relaybox.payment.faults;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Makes the capture decisions slow or flaky on purpose, the same for both paths that decide (the monolith's
 * {@code POST /payments/{orderId}/capture} and an {@code OrderPlaced} event the service decides): before each
 * decision it waits {@link FaultSettings#latencyMillis()}, then fails a random share
 * {@link FaultSettings#errorShare()} of the captures with {@link InjectedFault}, deciding nothing. Refunds are never
 * affected. It exists only with {@code relaybox.faults.enabled=true} (the callers take it as an {@code Optional}, so
 * without it nothing runs); it starts with {@link FaultSettings#NONE}, and {@link FaultController} changes the
 * settings at run time. Thread-safe: each capture reads the settings once.
 */
@Component
@ConditionalOnBooleanProperty("relaybox.faults.enabled")
public class FaultInjector {

    /** Waits the injected latency; a test records the request instead of waiting. */
    @FunctionalInterface
    interface Sleeper {

        void sleep(long millis) throws InterruptedException;
    }

    private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /** Waits with {@link Thread#sleep(long)}, draws with {@link ThreadLocalRandom}. */
    public FaultInjector() {
        this(Thread::sleep, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param sleeper how the latency is waited
     * @param random a number from 0 (included) to 1 (excluded) per capture; the capture fails when it is below the share
     */
    FaultInjector(Sleeper sleeper, DoubleSupplier random) {
        this.sleeper = sleeper;
        this.random = random;
    }

    /** @return what is injected now */
    public FaultSettings settings() {
        return settings.get();
    }

    /** Injects these from the next capture on; {@link FaultSettings#NONE} stops injecting. */
    public void set(FaultSettings next) {
        settings.set(Objects.requireNonNull(next, "settings"));
    }

    /**
     * Called right before a capture decides: waits the latency, then returns, or throws.
     *
     * @throws InjectedFault for the share of captures that fail (after the latency, as a slow failure would), or when
     *         the thread is interrupted while it waits; the caller must then decide nothing
     */
    public void beforeCapture() {
        FaultSettings current = settings.get();
        if (current.latencyMillis() > 0) {
            try {
                sleeper.sleep(current.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InjectedFault("interrupted while waiting the injected latency", e);
            }
        }
        // the draw is below 1, so a share of 1 fails every capture; a share of 0 draws nothing and fails none
        if (current.errorShare() > 0.0 && random.getAsDouble() < current.errorShare()) {
            throw new InjectedFault("the capture failed on purpose (errorShare " + current.errorShare() + ")", null);
        }
    }
}
