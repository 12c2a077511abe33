package io.relaybox.payment.faults;

/**
 * What {@link FaultInjector} does to each capture; also the body of {@code GET}, {@code PUT} and {@code DELETE /faults}.
 *
 * @param latencyMillis how long each capture waits before it decides, at least 0
 * @param errorShare the share of captures that fail instead of deciding, from 0 (none) to 1 (all)
 */
public record FaultSettings(int latencyMillis, double errorShare) {

    /** No fault: the settings a service starts with. */
    public static final FaultSettings NONE = new FaultSettings(0, 0.0);

    public FaultSettings {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be at least 0, was " + latencyMillis);
        }
        // written so that NaN is refused too
        if (!(errorShare >= 0.0 && errorShare <= 1.0)) {
            throw new IllegalArgumentException("errorShare must be between 0 and 1, was " + errorShare);
        }
    }
}
