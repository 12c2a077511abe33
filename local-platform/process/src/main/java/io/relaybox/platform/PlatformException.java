package io.relaybox.platform;

/** The local platform could not do what was asked; the message says what and, where it can, how to fix it. */
public class PlatformException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
