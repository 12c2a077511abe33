package io.relaybox.verification.verify;

import java.time.Duration;

/**
 * What the fault schedule does to the platform's processes, by their names in {@code ./platform status}
 * ({@code connect}, {@code kafka}, {@code postgres}, {@code payment-service-1}, ...). Whoever implements it plays the
 * supervisor: a killed process is started again without being asked, as a crashed one would be.
 */
public interface ProcessControl {

    /** kill -9 of the process, as a crash; it is restarted the way the supervisor restarts a crashed process. */
    void kill(String name);

    /** kill -9 of the process, as a lost machine: it stays down until {@link #start}. */
    void killAndHold(String name);

    /** Stops the process cleanly; it stays stopped until {@link #start}. */
    void stop(String name);

    /** Starts a stopped process. */
    void start(String name);

    /**
     * Waits until the process runs and answers its readiness check.
     *
     * @throws RuntimeException when it does not within the timeout, saying why
     */
    void awaitRunning(String name, Duration timeout);
}
