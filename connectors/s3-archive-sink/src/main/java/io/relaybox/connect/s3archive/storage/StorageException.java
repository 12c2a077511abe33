package io.relaybox.connect.s3archive.storage;

/** An object-store call failed; {@link #isTransient()} tells whether trying again later may succeed. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean transientFailure;

    public StorageException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** True for timeouts, throttling (429, 503 SlowDown), 5xx and connection failures that outlasted the retries. */
    public boolean isTransient() {
        return transientFailure;
    }
}
