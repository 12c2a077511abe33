package io.relaybox.platform;

/** Where a supervised process stands, as {@link PlatformSupervisor} sees it. */
public enum ProcessState {
    /** Started (or asked to start) and not yet ready. */
    STARTING,
    /** Ready: its readiness check passed. */
    RUNNING,
    /** Exited without being asked and being started again (after its backoff) until it is ready. */
    RESTARTING,
    /** Exited by itself with an exit status, not asked to; it is restarted after its backoff. */
    EXITED,
    /** Ended by a signal nobody of the platform asked for (or a fault drill); it is restarted after its backoff. */
    KILLED,
    /** Stopped on request; stays stopped until started again. */
    STOPPED
}
