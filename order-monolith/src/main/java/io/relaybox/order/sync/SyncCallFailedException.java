package io.relaybox.order.sync;

import io.relaybox.order.Capability;

/** A synchronous call to a service failed after its retries, timed out, or its circuit breaker is open. */
public class SyncCallFailedException extends RuntimeException {

    private final Capability capability;

    public SyncCallFailedException(Capability capability, String message, Throwable cause) {
        super(message, cause);
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
