package io.relaybox.connectctl;

/** The Connect worker refused a request or could not be reached; the message says which and why. */
public class ConnectRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ConnectRestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ConnectRestException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when the worker was not reached. */
    public int status() {
        return status;
    }
}
