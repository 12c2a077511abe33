package io.relaybox.outbox.inbox;

/** How a failure to apply an event is treated; decided by a {@link FailureClassifier}. */
public enum FailureType {

    /**
     * The environment failed (database down, deadlock, serialization failure, timeout, a bug fixed by a redeploy): the
     * transaction was rolled back and the same event is retried with backoff, in order, never skipped.
     */
    TRANSIENT,

    /**
     * The event itself cannot be applied (unreadable payload, unknown type or version, a handler's validation error):
     * it is dead-lettered, and the later events of its aggregate are parked behind it until it is re-driven.
     */
    PERMANENT
}
