package io.relaybox.relay;

/** The relay cannot go on: it stops, and its supervisor restarts it from the last committed offset. */
public class RelayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
