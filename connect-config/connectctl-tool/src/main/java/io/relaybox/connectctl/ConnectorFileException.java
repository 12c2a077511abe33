package io.relaybox.connectctl;

/** A connector file that cannot be used; the message names the file and, for bad JSON, the position. */
public class ConnectorFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnectorFileException(String message) {
        super(message);
    }

    public ConnectorFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
