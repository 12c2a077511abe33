package io.relaybox.connect.elasticsearch.client;

import java.io.IOException;
import java.util.OptionalInt;

import org.elasticsearch.client.ResponseException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

/**
 * A request to Elasticsearch failed as a whole. Transient: no answer (refused, reset, timed out), or HTTP 408, 429 or
 * 5xx: worth retrying. Otherwise (401, 403, 413, ...) retrying cannot help.
 */
public final class RequestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean isTransient;
    private final OptionalInt status;

    RequestFailedException(String message, boolean isTransient, OptionalInt status, Throwable cause) {
        super(message, cause);
        this.isTransient = isTransient;
        this.status = status;
    }

    /** Classifies a failure of the Java client or the low-level REST client. */
    public static RequestFailedException of(String what, Exception failure) {
        OptionalInt status = statusOf(failure);
        boolean transientFailure = status.isPresent() ? isTransientStatus(status.getAsInt()) : failure instanceof IOException;
        String message = what + " failed" + (status.isPresent() ? " with HTTP " + status.getAsInt() : "") + ": " + describe(failure)
                + hint(status);
        return new RequestFailedException(message, transientFailure, status, failure);
    }

    public boolean isTransient() {
        return isTransient;
    }

    public OptionalInt status() {
        return status;
    }

    /** 408, 429 and 5xx: the cluster is busy, restarting or behind a failing proxy. */
    public static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static OptionalInt statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException e) {
                return OptionalInt.of(e.status());
            }
            if (t instanceof TransportException e && e.statusCode() > 0) {
                return OptionalInt.of(e.statusCode());
            }
            if (t instanceof ResponseException e) {
                return OptionalInt.of(e.getResponse().getStatusLine().getStatusCode());
            }
        }
        return OptionalInt.empty();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ElasticsearchException e && e.error() != null) {
            return e.error().type() + ": " + e.error().reason();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String hint(OptionalInt status) {
        if (status.isEmpty()) {
            return "";
        }
        return switch (status.getAsInt()) {
            case 401 -> " (check connection.username and connection.password, or connection.api.key)";
            case 403 -> " (the user or API key lacks a privilege: it needs to create and write the event and order indices)";
            case 413 -> " (the bulk request is larger than the cluster's http.max_content_length: lower bulk.max.bytes)";
            default -> "";
        };
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
