package io.relaybox.connect.elasticsearch.convert;

import org.apache.kafka.connect.errors.DataException;

/** A record that cannot become a document: its payload is not a JSON object, or an outbox header is missing or wrong. */
public final class MalformedEventException extends DataException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
