package io.relaybox.connect.elasticsearch.client;

/**
 * What Elasticsearch answered for one operation of a bulk request.
 *
 * @param status the item's HTTP status
 * @param errorType the error's type (e.g. {@code document_parsing_exception}), or null on success
 * @param errorReason the error's reason, or null on success
 */
public record ItemResult(int status, String errorType, String errorReason) {

    /** What the sink does with an item. */
    public enum Outcome {
        /** Stored durably: its record's offset may be committed. */
        ACKNOWLEDGED,
        /** Rejected for now (429 queue full, 5xx): send again after a backoff. */
        TRANSIENT,
        /** Rejected for good (a mapping conflict, a bad id, ...): the record goes to the errant-record reporter. */
        PERMANENT
    }

    public static ItemResult ok(int status) {
        return new ItemResult(status, null, null);
    }

    /**
     * The item's outcome for this write. A version conflict (409) of an externally versioned write is success: the stored
     * document has this version or a newer one (a duplicate or stale event).
     */
    public Outcome outcome(DocumentWrite write) {
        if (status >= 200 && status < 300) {
            return Outcome.ACKNOWLEDGED;
        }
        if (status == 409 && write.isVersioned()) {
            return Outcome.ACKNOWLEDGED;
        }
        return RequestFailedException.isTransientStatus(status) ? Outcome.TRANSIENT : Outcome.PERMANENT;
    }

    /** e.g. {@code HTTP 400 document_parsing_exception: failed to parse field [payload.total]}. */
    public String describe() {
        return "HTTP " + status + (errorType == null ? "" : " " + errorType) + (errorReason == null ? "" : ": " + errorReason);
    }
}
