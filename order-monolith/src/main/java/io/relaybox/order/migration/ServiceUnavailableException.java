package io.relaybox.order.migration;

/** A service a mode switch needs did not answer: the switch did not happen (503). */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
