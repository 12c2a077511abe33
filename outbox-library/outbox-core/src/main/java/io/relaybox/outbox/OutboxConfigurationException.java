package io.relaybox.outbox;

/** Thrown by the builders when a setting is missing or invalid; the message starts with the property path. */
public class OutboxConfigurationException extends OutboxException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the property path and what is wrong with it, e.g. "outbox.retention must be positive"
     */
    public OutboxConfigurationException(String message) {
        super(message);
    }
}
