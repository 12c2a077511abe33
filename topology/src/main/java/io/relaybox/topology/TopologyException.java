package io.relaybox.topology;

/** The topology is unreadable or contradicts itself; the message names the service and the field. */
public final class TopologyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopologyException(String message) {
        super(message);
    }

    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
