package io.relaybox.connectctl;

/** A connector did not reach the state waited for: it failed, or the time ran out. The message quotes its status. */
public class ConnectorStateException extends ConnectRestException {

    private static final long serialVersionUID = 1L;

    public ConnectorStateException(String message) {
        super(-1, message);
    }
}
